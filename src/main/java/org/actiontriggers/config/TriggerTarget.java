package org.actiontriggers.config;

import jakarta.json.JsonValue;
import java.util.Map;

/**
 * One webhook of one active config, as the saving transaction needs it: an immutable copy, so the hot path
 * reads no entity and runs no query.
 *
 * @param payloadTemplate the config's payload template (object, string, or {@code null} for the fields)
 * @param headers header templates; {@code {{ path }}} references are resolved only at send time
 * @param timeoutSecs the webhook's own timeout, or {@code null}
 * @param ordered whether the config asks for the events of one entity in recording order
 */
public record TriggerTarget(
        long configId,
        long webhookId,
        JsonValue payloadTemplate,
        String url,
        HttpMethod httpMethod,
        Map<String, String> headers,
        Double timeoutSecs,
        boolean ordered) {

    public TriggerTarget {
        headers = Map.copyOf(headers);
    }

    static TriggerTarget of(Config config, JsonValue payloadTemplate, Webhook webhook) {
        return new TriggerTarget(
                config.getId(),
                webhook.getId(),
                payloadTemplate,
                webhook.getUrl(),
                webhook.getHttpMethod(),
                webhook.getHeaders(),
                webhook.getTimeoutSecs(),
                config.isOrdered());
    }
}
