package org.actiontriggers.outbox;

import java.time.Instant;
import org.actiontriggers.trigger.Destination;

/**
 * An outbox row as the record stage writes it: everything needed to send, copied at the time of the change,
 * so later config edits or deletions cannot alter or lose an event that was committed.
 *
 * @param id the stable delivery id, sent as {@code webhook-id} (or a broker message's delivery id) on every
 *     attempt
 * @param destination where it goes, with the templates that are resolved only at send time
 * @param body the rendered body, or {@code null} when rendering failed (see {@code error})
 * @param error why this delivery cannot be sent, or {@code null}
 * @param ordered whether it must wait for older unfinished deliveries of the same destination and entity
 */
public record PendingDelivery(
        String id,
        long configId,
        String entityType,
        String entityId,
        String signal,
        String operation,
        Destination destination,
        String body,
        String contentType,
        Instant createdAt,
        String error,
        boolean ordered) {}
