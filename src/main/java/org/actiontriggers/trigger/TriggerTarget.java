package org.actiontriggers.trigger;

import jakarta.json.JsonValue;
import java.util.Map;

/**
 * One webhook or message broker queue of one active config, as the saving transaction needs it: an
 * immutable copy, so the hot path reads no entity and runs no query.
 *
 * @param webhookId the webhook's id, or {@code null} for a broker queue
 * @param payloadTemplate the config's payload template (object, string, or {@code null} for the fields)
 * @param url the webhook's URL; for a queue {@code broker:<name>}, which the delivery log shows
 * @param httpMethod the webhook's method; {@code null} for a queue
 * @param headers header templates; {@code {{ path }}} references are resolved only at send time
 * @param timeoutSecs the webhook's or queue's own timeout, or {@code null}
 * @param ordered whether the config asks for the events of one entity in recording order
 * @param brokerQueueId the queue's id, or {@code null} for a webhook
 * @param brokerName the broker the queue publishes to, or {@code null} for a webhook
 * @param connDetails the queue's connection overrides (templates), empty for a webhook
 * @param parameters the queue's parameter overrides (templates), empty for a webhook
 */
public record TriggerTarget(
        long configId,
        Long webhookId,
        JsonValue payloadTemplate,
        String url,
        HttpMethod httpMethod,
        Map<String, String> headers,
        Double timeoutSecs,
        boolean ordered,
        Long brokerQueueId,
        String brokerName,
        Map<String, String> connDetails,
        Map<String, String> parameters) {

    /** The {@code url} recorded for a delivery to a broker queue. */
    public static final String BROKER_URL_PREFIX = "broker:";

    public TriggerTarget {
        headers = Map.copyOf(headers);
        connDetails = Map.copyOf(connDetails);
        parameters = Map.copyOf(parameters);
    }

    /** Whether this target is a broker queue rather than a webhook. */
    public boolean isBroker() {
        return brokerQueueId != null;
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
                config.isOrdered(),
                null,
                null,
                Map.of(),
                Map.of());
    }

    static TriggerTarget of(Config config, JsonValue payloadTemplate, MessageBrokerQueue queue) {
        return new TriggerTarget(
                config.getId(),
                null,
                payloadTemplate,
                BROKER_URL_PREFIX + queue.getName(),
                null,
                Map.of(),
                queue.getTimeoutSecs(),
                config.isOrdered(),
                queue.getId(),
                queue.getName(),
                queue.getConnDetails(),
                queue.getParameters());
    }
}
