package org.actiontriggers.policy;

/** Where a destination's circuit breaker stands; its deliveries flow only while it is {@link #CLOSED}. */
public enum Breaker {
    /** Healthy, or failing fewer rounds in a row than the threshold: deliveries are claimed as usual. */
    CLOSED,
    /** Failing: deliveries wait, and one probe goes out whenever {@code next_probe_at} is due. */
    OPEN,
    /** Failed too long, answered {@code 410 Gone}, or disabled by an admin: deliveries wait until re-enabled. */
    DISABLED
}
