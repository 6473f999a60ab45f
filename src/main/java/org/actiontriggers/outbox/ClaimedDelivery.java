package org.actiontriggers.outbox;

import java.time.Instant;
import org.actiontriggers.trigger.Destination;

/**
 * A delivery this instance has claimed and may now send, until its lease runs out.
 *
 * @param destination where it goes; the channel of its kind sends it
 * @param failedRounds how many rounds of the retry schedule have failed so far
 * @param ordered whether a later delivery of the same destination and entity waits for this one
 */
public record ClaimedDelivery(
        String id,
        Destination destination,
        String body,
        String contentType,
        Instant createdAt,
        int failedRounds,
        boolean ordered,
        String signal,
        String entityType,
        String entityId) {

    static ClaimedDelivery of(Delivery row) {
        return new ClaimedDelivery(
                row.getId(),
                row.getDestination(),
                row.getBody(),
                row.getContentType(),
                row.getCreatedAt().toInstant(),
                row.getFailedRounds(),
                row.isOrdered(),
                row.getSignal(),
                row.getEntityType(),
                row.getEntityId());
    }
}
