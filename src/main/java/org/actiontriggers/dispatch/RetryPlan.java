package org.actiontriggers.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.actiontriggers.settings.Settings;

/**
 * When the next round of a failed delivery is due: the configured schedule, spread by ±10 % jitter so that
 * a recovering receiver is not hit by every backlog row at once, and never earlier than its
 * {@code Retry-After} (capped at one day).
 */
final class RetryPlan {

    static final Duration MAX_RETRY_AFTER = Duration.ofDays(1);

    private RetryPlan() {}

    /**
     * @param failedRounds the failed rounds including the one that just ended
     * @return the due time of the next round, or empty when the schedule is used up (dead-letter)
     */
    static Optional<Instant> nextRound(Settings settings, int failedRounds, Duration retryAfter, Instant now) {
        return settings.delayAfterFailedRounds(failedRounds).map(delay -> {
            long millis = delay.toMillis();
            long jitter = millis / 10;
            long jittered =
                    jitter == 0 ? millis : millis + ThreadLocalRandom.current().nextLong(-jitter, jitter + 1);
            Duration wait = Duration.ofMillis(jittered);
            if (retryAfter != null) {
                Duration asked = retryAfter.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : retryAfter;
                wait = asked.compareTo(wait) > 0 ? asked : wait;
            }
            return now.plus(wait);
        });
    }
}
