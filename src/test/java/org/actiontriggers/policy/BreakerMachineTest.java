package org.actiontriggers.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.actiontriggers.settings.PolicySettings;
import org.junit.jupiter.api.Test;

/** The breaker's rules on one destination's row, with time passed in. */
class BreakerMachineTest {

    private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");
    private static final PolicySettings SETTINGS =
            new PolicySettings(3, Duration.ofSeconds(10), Duration.ofSeconds(35), Duration.ofSeconds(100), null, null);

    private final BreakerMachine machine = new BreakerMachine(SETTINGS);
    private final DestinationRow row = new DestinationRow(DestinationKey.webhook(7));

    private List<PolicyEvent.Type> fail(Instant at, String id) {
        return machine.failed(row, at, id, 503, "HTTP 503", false);
    }

    @Test
    void opensAfterTheThresholdOfFailedRoundsInARow() {
        assertThat(fail(T0, "a")).isEmpty();
        assertThat(fail(T0.plusSeconds(1), "b")).isEmpty();
        assertThat(row.breaker).isEqualTo(Breaker.CLOSED);
        assertThat(fail(T0.plusSeconds(2), "c")).containsExactly(PolicyEvent.Type.BREAKER_OPENED);
        assertThat(row.breaker).isEqualTo(Breaker.OPEN);
        assertThat(row.failingSince).isEqualTo(T0);
        assertThat(row.nextProbeAt).isEqualTo(T0.plusSeconds(12));
        assertThat(row.lastStatus).isEqualTo(503);
    }

    @Test
    void aSuccessInBetweenStartsTheCountAfresh() {
        fail(T0, "a");
        fail(T0, "b");
        assertThat(machine.succeeded(row, T0.plusSeconds(1))).isEmpty();
        assertThat(row.failedRounds).isZero();
        assertThat(row.failingSince).isNull();
        fail(T0.plusSeconds(2), "c");
        fail(T0.plusSeconds(2), "d");
        assertThat(row.breaker).isEqualTo(Breaker.CLOSED);
    }

    @Test
    void onlyOneProbeGoesAndOnlyWhenDue() {
        openAt(T0);
        Duration lease = Duration.ofMinutes(5);
        assertThat(machine.takeProbe(row, T0.plusSeconds(5), "p1", lease)).isFalse();
        assertThat(machine.takeProbe(row, T0.plusSeconds(10), "p1", lease)).isTrue();
        assertThat(machine.takeProbe(row, T0.plusSeconds(11), "p2", lease)).isFalse();
        assertThat(row.probeId).isEqualTo("p1");
    }

    @Test
    void aFailedProbeDoublesTheWaitUpToTheMaximum() {
        BreakerMachine machine = new BreakerMachine(
                new PolicySettings(3, Duration.ofSeconds(10), Duration.ofSeconds(35), Duration.ofHours(1), null, null));
        for (String id : new String[] {"x", "y", "z"}) {
            machine.failed(row, T0, id, 503, "HTTP 503", false);
        }
        Duration lease = Duration.ofMinutes(5);
        List<Duration> waits = new ArrayList<>();
        Instant now = T0;
        for (int i = 0; i < 4; i++) {
            now = row.nextProbeAt;
            assertThat(machine.takeProbe(row, now, "p" + i, lease)).isTrue();
            machine.failed(row, now, "p" + i, 503, "HTTP 503", false);
            waits.add(Duration.between(now, row.nextProbeAt));
        }
        assertThat(waits)
                .containsExactly(
                        Duration.ofSeconds(20), Duration.ofSeconds(35), Duration.ofSeconds(35), Duration.ofSeconds(35));
    }

    @Test
    void aStragglerThatFailsDoesNotMoveTheProbe() {
        openAt(T0);
        Instant planned = row.nextProbeAt;
        fail(T0.plusSeconds(1), "sent-before-it-opened");
        assertThat(row.nextProbeAt).isEqualTo(planned);
        assertThat(row.probeInterval).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void aSuccessClosesAnOpenBreaker() {
        openAt(T0);
        machine.takeProbe(row, row.nextProbeAt, "p", Duration.ofMinutes(5));
        assertThat(machine.succeeded(row, T0.plusSeconds(20))).containsExactly(PolicyEvent.Type.BREAKER_CLOSED);
        assertThat(row.breaker).isEqualTo(Breaker.CLOSED);
        assertThat(row.failedRounds).isZero();
        assertThat(row.lastSuccessAt).isEqualTo(T0.plusSeconds(20));
    }

    @Test
    void failingForShareOfTheDisablePeriodRaisesEachThresholdOnceThenDisables() {
        List<PolicyEvent.Type> events = new ArrayList<>();
        for (int s = 0; s <= 100; s += 10) {
            events.addAll(fail(T0.plusSeconds(s), "d" + s));
        }
        assertThat(events)
                .containsExactly(
                        PolicyEvent.Type.BREAKER_OPENED,
                        PolicyEvent.Type.FAILING_50,
                        PolicyEvent.Type.FAILING_70,
                        PolicyEvent.Type.FAILING_90,
                        PolicyEvent.Type.DISABLED);
        assertThat(row.breaker).isEqualTo(Breaker.DISABLED);
        assertThat(row.disabledAt).isEqualTo(T0.plusSeconds(100));
        assertThat(row.disabledReason)
                .contains("failing without a success since " + T0)
                .contains("HTTP 503");
    }

    @Test
    void aLongGapRaisesTheThresholdsItPassedTogether() {
        fail(T0, "a");
        assertThat(fail(T0.plusSeconds(75), "b"))
                .containsExactly(PolicyEvent.Type.FAILING_50, PolicyEvent.Type.FAILING_70);
    }

    @Test
    void goneDisablesAtOnce() {
        assertThat(machine.failed(row, T0, "a", 410, "HTTP 410", true)).containsExactly(PolicyEvent.Type.DISABLED);
        assertThat(row.breaker).isEqualTo(Breaker.DISABLED);
        assertThat(row.disabledReason).contains("410 Gone");
    }

    @Test
    void aDisabledDestinationStaysDisabledWhateverComesIn() {
        machine.failed(row, T0, "a", 410, "HTTP 410", true);
        assertThat(machine.succeeded(row, T0.plusSeconds(1))).isEmpty();
        assertThat(fail(T0.plusSeconds(2), "b")).isEmpty();
        assertThat(row.breaker).isEqualTo(Breaker.DISABLED);
        assertThat(machine.takeProbe(row, T0.plusSeconds(3), "c", Duration.ofMinutes(5)))
                .isFalse();
    }

    @Test
    void reEnablingForgetsTheFailingStretch() {
        machine.failed(row, T0, "a", 410, "HTTP 410", true);
        row.reset();
        assertThat(row.breaker).isEqualTo(Breaker.CLOSED);
        assertThat(row.failingSince).isNull();
        assertThat(row.alertedPercent).isZero();
        assertThat(row.disabledReason).isNull();
    }

    private void openAt(Instant at) {
        fail(at, "x");
        fail(at, "y");
        fail(at, "z");
        assertThat(row.breaker).isEqualTo(Breaker.OPEN);
    }
}
