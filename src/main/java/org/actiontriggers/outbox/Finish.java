package org.actiontriggers.outbox;

import java.time.Instant;
import java.util.List;

/**
 * The end of one claimed round as it goes on record: the attempts it made and the delivery's new state.
 *
 * @param state {@link DeliveryState#PENDING} for another round, or a final state
 * @param dueAt when a pending row is next due; ignored for final states
 * @param failedRounds the failed rounds including this one when it failed
 * @param error the round's secret-free reason, or {@code null} to keep the last one
 * @param attempts the HTTP or broker attempts of this round, oldest first (in-process retries included)
 */
public record Finish(
        String id, DeliveryState state, Instant dueAt, int failedRounds, String error, List<AttemptRecord> attempts) {

    public Finish {
        attempts = List.copyOf(attempts);
    }
}
