package org.actiontriggers.trigger;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One webhook of a {@link ConfigDraft}, as submitted.
 *
 * @param httpMethod {@code null} means POST
 * @param headers header templates in the order given; values may hold {@code {{ path }}} references
 * @param timeoutSecs {@code null} means the max webhook timeout
 * @param rateLimit requests per second across all instances (extension field {@code rate_limit}); {@code null}
 *     means none
 * @param maxInFlight requests at once across all instances (extension field {@code max_in_flight}); {@code
 *     null} means none
 */
public record WebhookDraft(
        String url,
        String httpMethod,
        Map<String, String> headers,
        Double timeoutSecs,
        Double rateLimit,
        Integer maxInFlight) {

    public WebhookDraft {
        headers = headers == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /** A webhook without limits, as Django Action Triggers knows it. */
    public WebhookDraft(String url, String httpMethod, Map<String, String> headers, Double timeoutSecs) {
        this(url, httpMethod, headers, timeoutSecs, null, null);
    }
}
