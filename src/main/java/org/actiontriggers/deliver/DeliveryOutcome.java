package org.actiontriggers.deliver;

import java.time.Duration;
import java.util.List;
import org.actiontriggers.outbox.AttemptRecord;

/**
 * How a delivery round ended, for the dispatcher to schedule what comes next and put on record.
 *
 * @param kind what happened
 * @param reason a short, secret-free explanation for the delivery log, or {@code null} on success
 * @param retryAfter the receiver's {@code Retry-After}, or {@code null}
 * @param attempts the round's attempts, oldest first, not yet on record: the finish stage writes them with
 *     the new state in one transaction
 */
public record DeliveryOutcome(Kind kind, String reason, Duration retryAfter, List<AttemptRecord> attempts) {

    public DeliveryOutcome {
        attempts = List.copyOf(attempts);
    }

    /** The three ways a round can end. */
    public enum Kind {
        /** 2xx: done. */
        SUCCEEDED,
        /** Retrying cannot help (a 4xx, a URL not whitelisted, a dynamic path not allowed): stop. */
        FAILED,
        /** Might work later (connection error, timeout, 408, 429, 5xx): the durable schedule retries. */
        RETRYABLE
    }

    public static DeliveryOutcome succeeded() {
        return new DeliveryOutcome(Kind.SUCCEEDED, null, null, List.of());
    }

    public static DeliveryOutcome failed(String reason) {
        return new DeliveryOutcome(Kind.FAILED, reason, null, List.of());
    }

    public static DeliveryOutcome retryable(String reason, Duration retryAfter) {
        return new DeliveryOutcome(Kind.RETRYABLE, reason, retryAfter, List.of());
    }

    /** The same outcome with the round's attempts. */
    public DeliveryOutcome withAttempts(List<AttemptRecord> made) {
        return new DeliveryOutcome(kind, reason, retryAfter, made);
    }
}
