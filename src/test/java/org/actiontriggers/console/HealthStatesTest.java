package org.actiontriggers.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.actiontriggers.outbox.DestinationRef;
import org.actiontriggers.policy.Breaker;
import org.actiontriggers.policy.DestinationKey;
import org.actiontriggers.policy.DestinationState;
import org.junit.jupiter.api.Test;

/** The health pages' words for the policy's states, and the two names of one destination. */
class HealthStatesTest {

    private static final Instant AT = Instant.parse("2026-11-30T12:00:00Z");

    @Test
    void aDisabledDestinationSaysWhyAndSince() {
        HealthStates.State s = HealthStates.state(state(Breaker.DISABLED, AT, "the destination answered 410 Gone"));
        assertThat(s.label()).isEqualTo("disabled");
        assertThat(s.reason()).isEqualTo("the destination answered 410 Gone");
        assertThat(s.since().toInstant()).isEqualTo(AT);
        assertThat(s.waiting()).isEqualTo(4);
    }

    @Test
    void anOpenBreakerSaysAfterHowManyRoundsAndTheLastError() {
        HealthStates.State s = HealthStates.state(state(Breaker.OPEN, AT, null));
        assertThat(s.label()).isEqualTo("breaker open");
        assertThat(s.cssClass()).isEqualTo("breaker_open");
        assertThat(s.reason()).startsWith("opened after 3 failed rounds in a row; last: HTTP 503");
    }

    @Test
    void aClosedBreakerIsHealthyOrFailing() {
        assertThat(HealthStates.state(state(Breaker.CLOSED, null, null)).label())
                .isEqualTo("healthy");
        assertThat(HealthStates.state(state(Breaker.CLOSED, AT, null)).label()).isEqualTo("failing");
    }

    @Test
    void theConsolesAndThePolicysNamesOfADestinationAgree() {
        assertThat(HealthStates.key(DestinationRef.webhook(12))).isEqualTo(DestinationKey.webhook(12));
        assertThat(HealthStates.ref(DestinationKey.broker("it-rabbit"))).isEqualTo(DestinationRef.broker("it-rabbit"));
    }

    private static DestinationState state(Breaker breaker, Instant since, String reason) {
        return new DestinationState(
                DestinationKey.webhook(12),
                "https://receiver.example/12",
                breaker,
                3,
                since,
                breaker == Breaker.OPEN ? AT : null,
                breaker == Breaker.OPEN ? AT.plusSeconds(30) : null,
                Duration.ofSeconds(30),
                breaker == Breaker.DISABLED ? since : null,
                reason,
                null,
                AT,
                503,
                "HTTP 503",
                null,
                null,
                0,
                4,
                AT);
    }
}
