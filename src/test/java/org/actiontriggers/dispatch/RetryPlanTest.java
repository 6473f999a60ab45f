package org.actiontriggers.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.actiontriggers.settings.Settings;
import org.actiontriggers.settings.TestSettings;
import org.junit.jupiter.api.Test;

class RetryPlanTest {

    private static final Instant NOW = Instant.parse("2025-01-01T12:00:00Z");

    private final Settings settings = TestSettings.settings()
            .dynamicPaths()
            .retrySchedule(Duration.ZERO, Duration.ofSeconds(10), Duration.ofHours(2))
            .build();

    @Test
    void jitterStaysWithinTenPercentOfTheScheduledDelay() {
        Set<Instant> seen = new HashSet<>();
        for (int i = 0; i < 2_000; i++) {
            Instant due = RetryPlan.nextRound(settings, 1, null, NOW).orElseThrow();
            assertThat(due).isBetween(NOW.plusSeconds(9), NOW.plusSeconds(11));
            seen.add(due);
        }
        assertThat(seen).as("jitter spreads the rounds").hasSizeGreaterThan(100);
    }

    @Test
    void zeroDelayIsDueAtOnce() {
        assertThat(RetryPlan.nextRound(settings, 0, null, NOW)).contains(NOW);
    }

    @Test
    void longerRetryAfterWins() {
        assertThat(RetryPlan.nextRound(settings, 1, Duration.ofMinutes(1), NOW)).contains(NOW.plusSeconds(60));
        assertThat(RetryPlan.nextRound(settings, 0, Duration.ofSeconds(3), NOW)).contains(NOW.plusSeconds(3));
    }

    @Test
    void shorterRetryAfterDoesNotBringTheRoundForward() {
        Instant due =
                RetryPlan.nextRound(settings, 2, Duration.ofSeconds(5), NOW).orElseThrow();

        assertThat(due).isBetween(NOW.plus(Duration.ofMinutes(108)), NOW.plus(Duration.ofMinutes(132)));
    }

    @Test
    void retryAfterIsCappedAtOneDay() {
        assertThat(RetryPlan.nextRound(settings, 1, Duration.ofDays(30), NOW)).contains(NOW.plus(Duration.ofDays(1)));
    }

    @Test
    void exhaustedScheduleDeadLettersEvenWithRetryAfter() {
        assertThat(RetryPlan.nextRound(settings, 3, null, NOW)).isEmpty();
        assertThat(RetryPlan.nextRound(settings, 3, Duration.ofSeconds(5), NOW)).isEmpty();
    }
}
