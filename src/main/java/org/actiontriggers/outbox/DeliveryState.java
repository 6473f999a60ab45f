package org.actiontriggers.outbox;

/** Where a delivery stands; SUCCEEDED, FAILED and DEAD are final until someone redelivers. */
public enum DeliveryState {
    /** Recorded and waiting for its due time. */
    PENDING,
    /** Claimed by an instance that is sending it; taken over by another when the lease runs out. */
    IN_FLIGHT,
    /** The endpoint answered 2xx. */
    SUCCEEDED,
    /** Will not be retried: a 4xx other than 408/429, or a cause no retry can fix (say, URL not whitelisted). */
    FAILED,
    /** Every round of the retry schedule failed; kept for inspection and redelivery. */
    DEAD
}
