package org.actiontriggers.policy;

import java.time.Duration;
import java.time.Instant;

/**
 * The rate limit of one destination as a token bucket whose tokens live in its row: refilled at
 * {@code rate} per second, holding at most {@link #capacity()} — a twentieth of a second's worth, at least
 * one — so that any one-second window sees at most {@code rate} plus that small burst (within 5 % of the rate
 * from 20 requests per second up; a single token below).
 *
 * @param rate requests per second, above zero
 */
record TokenBucket(double rate) {

    TokenBucket {
        if (!(rate > 0)) {
            throw new IllegalArgumentException("a rate limit is above zero");
        }
    }

    double capacity() {
        return Math.max(1.0, rate / 20);
    }

    /** The tokens at {@code now}, from what was left at {@code at}; a new bucket ({@code null}) is full. */
    double tokens(Double left, Instant at, Instant now) {
        if (left == null || at == null) {
            return capacity();
        }
        double elapsed = Math.max(0, Duration.between(at, now).toNanos()) / 1e9;
        return Math.min(capacity(), left + elapsed * rate);
    }

    /** How long until the next whole token, from {@code tokens}. */
    Duration untilNext(double tokens) {
        if (tokens >= 1) {
            return Duration.ZERO;
        }
        return Duration.ofNanos((long) Math.ceil((1 - tokens) * 1e9 / rate));
    }
}
