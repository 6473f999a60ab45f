package org.actiontriggers.policy;

import java.time.Duration;
import java.time.Instant;

/**
 * One row of {@code action_triggers_destination} as the policy reads and writes it: the breaker's state
 * machine works on these values, {@link DestinationStates} stores them.
 */
record DestinationRow(
        DestinationKey key,
        Breaker breaker,
        int failedRounds,
        Instant failingSince,
        Instant openedAt,
        Instant nextProbeAt,
        Duration probeInterval,
        Instant disabledAt,
        String disabledReason,
        int alertedPercent,
        Instant lastSuccessAt,
        Instant lastFailureAt,
        Integer lastStatus,
        String lastError,
        Double rateTokens,
        Instant tokensAt,
        int inFlight,
        Instant updatedAt) {

    /** A new destination's row: closed, never failed. */
    static DestinationRow closed(DestinationKey key, Instant now) {
        return new DestinationRow(
                key,
                Breaker.CLOSED,
                0,
                null,
                null,
                null,
                null,
                null,
                null,
                0,
                null,
                null,
                null,
                null,
                null,
                null,
                0,
                now);
    }

    DestinationRow disabled(Instant now, String reason) {
        return new DestinationRow(
                key,
                Breaker.DISABLED,
                failedRounds,
                failingSince,
                openedAt,
                null,
                null,
                now,
                reason,
                alertedPercent,
                lastSuccessAt,
                lastFailureAt,
                lastStatus,
                lastError,
                rateTokens,
                tokensAt,
                inFlight,
                now);
    }

    /** Closed, the failing stretch forgotten: after a success, or when an admin re-enables it. */
    DestinationRow reset(Instant now) {
        return new DestinationRow(
                key,
                Breaker.CLOSED,
                0,
                null,
                null,
                null,
                null,
                null,
                null,
                0,
                lastSuccessAt,
                lastFailureAt,
                lastStatus,
                lastError,
                rateTokens,
                tokensAt,
                inFlight,
                now);
    }
}
