package org.actiontriggers.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.actiontriggers.deliver.DeliveryOutcome;
import org.actiontriggers.outbox.AttemptRecord;
import org.actiontriggers.outbox.ClaimedDelivery;
import org.actiontriggers.outbox.DeliveryState;
import org.actiontriggers.outbox.Finish;
import org.actiontriggers.settings.Settings;
import org.actiontriggers.settings.TestSettings;
import org.actiontriggers.trigger.HttpMethod;
import org.actiontriggers.trigger.WebhookDestination;
import org.junit.jupiter.api.Test;

/** What the finish stage writes for each way a round can end. */
class RoundEndTest {

    private static final Instant NOW = Instant.parse("2025-01-01T12:00:00Z");

    private final Settings settings = TestSettings.settings()
            .dynamicPaths()
            .retrySchedule(Duration.ZERO, Duration.ofSeconds(10))
            .build();

    private static ClaimedDelivery claimed(int failedRounds) {
        return new ClaimedDelivery(
                "d1",
                new WebhookDestination(1, HttpMethod.POST, "https://example.com/hook", Map.of(), null),
                "{}",
                "application/json",
                NOW,
                failedRounds,
                false,
                "post_save",
                "Sale",
                "1");
    }

    private static final List<AttemptRecord> ATTEMPTS = List.of(
            new AttemptRecord("d1", NOW, "https://example.com/hook", 503, null, null, Duration.ofMillis(5), "busy"));

    @Test
    void aSuccessIsFinalAndKeepsTheFailedRounds() {
        FinishedDelivery f = RoundEnd.of(claimed(1), DeliveryOutcome.succeeded(), ATTEMPTS, settings, NOW);

        assertThat(f.state()).isEqualTo(DeliveryState.SUCCEEDED);
        assertThat(f.failedRounds()).isEqualTo(1);
        Finish write = RoundEnd.write(f);
        assertThat(write.attempts()).isEqualTo(ATTEMPTS);
        assertThat(write.error()).isNull();
    }

    @Test
    void aRetryableRoundIsDueAgainPerTheSchedule() {
        FinishedDelivery f =
                RoundEnd.of(claimed(0), DeliveryOutcome.retryable("HTTP 503", null), ATTEMPTS, settings, NOW);

        assertThat(f.state()).isEqualTo(DeliveryState.PENDING);
        assertThat(f.failedRounds()).isEqualTo(1);
        assertThat(f.dueAt()).isBetween(NOW.plusSeconds(9), NOW.plusSeconds(11));
        assertThat(RoundEnd.write(f).error()).isEqualTo("HTTP 503");
    }

    @Test
    void theLastRoundOfTheScheduleIsTheDeadLetter() {
        FinishedDelivery f =
                RoundEnd.of(claimed(1), DeliveryOutcome.retryable("HTTP 503", null), ATTEMPTS, settings, NOW);

        assertThat(f.state()).isEqualTo(DeliveryState.DEAD);
        assertThat(f.failedRounds()).isEqualTo(2);
    }

    @Test
    void aFailureIsFinalAtOnce() {
        FinishedDelivery f = RoundEnd.of(claimed(0), DeliveryOutcome.failed("HTTP 404"), List.of(), settings, NOW);

        assertThat(f.state()).isEqualTo(DeliveryState.FAILED);
        assertThat(RoundEnd.written(f, false).written()).isFalse();
    }
}
