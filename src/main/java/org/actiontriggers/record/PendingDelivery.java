package org.actiontriggers.record;

import java.time.Instant;
import java.util.Map;
import org.actiontriggers.config.HttpMethod;

/**
 * An outbox row as the record stage writes it: everything needed to send, copied at the time of the change,
 * so later config edits or deletions cannot alter or lose an event that was committed.
 *
 * @param id the stable delivery id, sent as {@code webhook-id} on every attempt
 * @param headers header templates; dynamic values are resolved at send time and never stored
 * @param body the rendered body, or {@code null} when rendering failed (see {@code error})
 * @param error why this delivery cannot be sent, or {@code null}
 * @param ordered whether it must wait for older unfinished deliveries of the same webhook and entity
 */
public record PendingDelivery(
        String id,
        long configId,
        long webhookId,
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
        boolean ordered) {}
