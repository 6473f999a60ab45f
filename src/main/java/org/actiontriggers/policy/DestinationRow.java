package org.actiontriggers.policy;

import java.time.Duration;
import java.time.Instant;

/**
 * One row of {@code action_triggers_destination} as the policy works on it: read under the row's lock,
 * changed by {@link BreakerMachine} or an admin's action, written back by {@link DestinationStates}. Mutable
 * on purpose: it lives for the few statements of one transaction.
 */
final class DestinationRow {

    final DestinationKey key;
    Breaker breaker = Breaker.CLOSED;
    int failedRounds;
    Instant failingSince;
    Instant openedAt;
    Instant nextProbeAt;
    Duration probeInterval;
    String probeId;
    Instant disabledAt;
    String disabledReason;
    int alertedPercent;
    Instant lastSuccessAt;
    Instant lastFailureAt;
    Integer lastStatus;
    String lastError;
    Double rateTokens;
    Instant tokensAt;
    int inFlight;
    Instant updatedAt;

    DestinationRow(DestinationKey key) {
        this.key = key;
    }

    DestinationKey key() {
        return key;
    }

    /** Closed, the failing stretch forgotten: after a success, or when an admin re-enables it. */
    void reset() {
        breaker = Breaker.CLOSED;
        failedRounds = 0;
        failingSince = null;
        openedAt = null;
        nextProbeAt = null;
        probeInterval = null;
        probeId = null;
        disabledAt = null;
        disabledReason = null;
        alertedPercent = 0;
    }

    void disable(Instant now, String reason) {
        breaker = Breaker.DISABLED;
        disabledAt = now;
        disabledReason = reason;
        nextProbeAt = null;
        probeId = null;
    }
}
