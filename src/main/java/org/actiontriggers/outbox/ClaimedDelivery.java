package org.actiontriggers.outbox;

import java.time.Instant;
import java.util.Map;
import org.actiontriggers.trigger.HttpMethod;

/**
 * A delivery this instance has claimed and may now send, until its lease runs out.
 *
 * @param webhookId the webhook, or {@code null} for a broker delivery
 * @param httpMethod the webhook's method, or {@code null} for a broker delivery
 * @param failedRounds how many rounds of the retry schedule have failed so far
 * @param ordered whether a later delivery of the same target and entity waits for this one
 * @param brokerQueueId the broker queue, or {@code null} for a webhook delivery
 * @param brokerName the broker's name in the settings, or {@code null}
 * @param connDetails the queue's connection overrides as templates
 * @param parameters the queue's parameter overrides as templates
 */
public record ClaimedDelivery(
        String id,
        Long webhookId,
        HttpMethod httpMethod,
        String url,
        Map<String, String> headers,
        Double timeoutSecs,
        String body,
        String contentType,
        Instant createdAt,
        int failedRounds,
        boolean ordered,
        String signal,
        String entityType,
        String entityId,
        Long brokerQueueId,
        String brokerName,
        Map<String, String> connDetails,
        Map<String, String> parameters) {

    /** Whether this is a message for a broker queue rather than a webhook request. */
    public boolean isBroker() {
        return brokerQueueId != null;
    }
}
