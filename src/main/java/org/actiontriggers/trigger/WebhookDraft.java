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
 */
public record WebhookDraft(String url, String httpMethod, Map<String, String> headers, Double timeoutSecs) {

    public WebhookDraft {
        headers = headers == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }
}
