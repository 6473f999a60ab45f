package org.actiontriggers.dispatch;

import java.time.Instant;
import java.util.List;
import org.actiontriggers.deliver.DeliveryOutcome;
import org.actiontriggers.outbox.AttemptRecord;
import org.actiontriggers.outbox.ClaimedDelivery;
import org.actiontriggers.outbox.DeliveryState;

/**
 * One claimed round as the finish transaction records it, for {@link OutcomeObserver}.
 *
 * @param delivery the delivery as it was claimed (destination, entity, failed rounds before this one)
 * @param outcome how the round ended
 * @param state the new state: {@code PENDING} for another round, else {@code SUCCEEDED}, {@code FAILED} or
 *     {@code DEAD} (the retry schedule is used up)
 * @param dueAt when the next round is due, for {@code PENDING}; else {@code null}
 * @param failedRounds the failed rounds including this one when it failed
 * @param attempts the round's attempts, oldest first ({@link AttemptRecord#statusCode()} of the last one is
 *     the final HTTP status, {@code null} for brokers and when no response came)
 * @param written whether the new state was written; {@code false} when the lease had run out and another
 *     instance claimed the row meanwhile (its attempts are on record all the same)
 */
public record FinishedDelivery(
        ClaimedDelivery delivery,
        DeliveryOutcome outcome,
        DeliveryState state,
        Instant dueAt,
        int failedRounds,
        List<AttemptRecord> attempts,
        boolean written) {

    public FinishedDelivery {
        attempts = List.copyOf(attempts);
    }
}
