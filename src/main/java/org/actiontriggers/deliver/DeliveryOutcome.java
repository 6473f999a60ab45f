package org.actiontriggers.deliver;

import java.time.Duration;

/**
 * How a delivery round ended, for the dispatcher to schedule what comes next.
 *
 * @param kind what happened
 * @param reason a short, secret-free explanation for the delivery log, or {@code null} on success
 * @param retryAfter the receiver's {@code Retry-After}, or {@code null}
 */
public record DeliveryOutcome(Kind kind, String reason, Duration retryAfter) {

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
        return new DeliveryOutcome(Kind.SUCCEEDED, null, null);
    }

    public static DeliveryOutcome failed(String reason) {
        return new DeliveryOutcome(Kind.FAILED, reason, null);
    }

    public static DeliveryOutcome retryable(String reason, Duration retryAfter) {
        return new DeliveryOutcome(Kind.RETRYABLE, reason, retryAfter);
    }
}
