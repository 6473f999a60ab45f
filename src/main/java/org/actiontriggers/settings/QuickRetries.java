package org.actiontriggers.settings;

import java.time.Duration;

/**
 * The quick retries of one delivery round, in process, before the round counts as failed and the durable
 * {@code action-triggers.retry-schedule} takes over: for a blip — a connection reset, a receiver restarting
 * — that is gone a moment later.
 *
 * @param retries how many times a retryable failure is tried again at once (0 turns them off)
 * @param delay the pause before each, with up to half of it added or taken off at random
 */
public record QuickRetries(int retries, Duration delay) {

    public static final String RETRIES = Settings.PREFIX + "quick-retries";
    public static final String DELAY = Settings.PREFIX + "quick-retry-delay";

    /** The most quick retries a round may make: past a few, a failure is the durable schedule's to retry. */
    public static final int MAX_RETRIES = 5;

    /** The longest pause between them: a sender thread waits through it. */
    public static final Duration MAX_DELAY = Duration.ofSeconds(5);

    /** Two retries, 200 ms ± 100 ms apart: what the MicroProfile Fault Tolerance {@code @Retry} gave before. */
    public static final QuickRetries DEFAULTS = new QuickRetries(2, Duration.ofMillis(200));

    /**
     * The longest a round can take when each attempt may take {@code perAttempt}: every try at its deadline,
     * and every pause at its longest (the delay and a half). A claim's lease must outlast it, or a slow round
     * could be claimed and sent a second time while it still runs.
     */
    public Duration longestRound(Duration perAttempt) {
        return perAttempt
                .multipliedBy(retries + 1L)
                .plus(delay.multipliedBy(3).dividedBy(2).multipliedBy(retries));
    }
}
