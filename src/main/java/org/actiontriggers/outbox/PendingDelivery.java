package org.actiontriggers.outbox;

import java.time.Instant;
import java.util.Map;
import org.actiontriggers.trigger.HttpMethod;

/**
 * An outbox row as the record stage writes it: everything needed to send, copied at the time of the change,
 * so later config edits or deletions cannot alter or lose an event that was committed.
 *
 * @param id the stable delivery id, sent as {@code webhook-id} (or a broker message's delivery id) on every
 *     attempt
 * @param webhookId the webhook, or {@code null} for a broker delivery
 * @param httpMethod the webhook's method, or {@code null} for a broker delivery
 * @param headers header templates; dynamic values are resolved at send time and never stored
 * @param body the rendered body, or {@code null} when rendering failed (see {@code error})
 * @param error why this delivery cannot be sent, or {@code null}
 * @param ordered whether it must wait for older unfinished deliveries of the same target and entity
 * @param brokerQueueId the broker queue, or {@code null} for a webhook delivery
 * @param brokerName the broker's name in the settings, or {@code null}
 * @param connDetails the queue's connection overrides as templates; resolved at send time, never stored
 * @param parameters the queue's parameter overrides as templates
 */
public record PendingDelivery(
        String id,
        long configId,
        Long webhookId,
        String entityType,
        String entityId,
        String signal,
        String operation,
        HttpMethod httpMethod,
        String url,
        Map<String, String> headers,
        Double timeoutSecs,
        String body,
        String contentType,
        Instant createdAt,
        String error,
        boolean ordered,
        Long brokerQueueId,
        String brokerName,
        Map<String, String> connDetails,
        Map<String, String> parameters) {}
