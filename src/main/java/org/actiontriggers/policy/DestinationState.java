package org.actiontriggers.policy;

import java.time.Duration;
import java.time.Instant;

/**
 * What the policy knows of one destination, as the API and the console show it. A destination that never
 * failed and has no limits has no row; it reads as {@link #healthy}.
 *
 * @param key the destination
 * @param address where it goes, for people: the webhook's URL or {@code broker:<name>}; {@code null} when the
 *     webhook was deleted since
 * @param breaker where its breaker stands
 * @param failedRounds failed rounds in a row since the last success
 * @param failingSince the first failure after the last success, or {@code null} when not failing
 * @param openedAt when the breaker last opened, or {@code null}
 * @param nextProbeAt while open: when the next probe may go
 * @param probeInterval while open: the current wait between probes
 * @param disabledAt when it was disabled, or {@code null}
 * @param disabledReason why it was disabled (the last failure, {@code 410 Gone}, or an admin's words)
 * @param lastSuccessAt the last 2xx, or {@code null}
 * @param lastFailureAt the last failed round, or {@code null}
 * @param lastStatus the HTTP status of the last failure, or {@code null}
 * @param lastError the last failure's reason, or {@code null}
 * @param rateLimit the webhook's requests per second, or {@code null} for none
 * @param maxInFlight the webhook's cap on requests at once, or {@code null} for none
 * @param inFlight requests in flight now, all instances together (counted only for a capped webhook)
 * @param waiting deliveries pending for it (due or not)
 * @param updatedAt when the row last changed, or {@code null} when there is none
 */
public record DestinationState(
        DestinationKey key,
        String address,
        Breaker breaker,
        int failedRounds,
        Instant failingSince,
        Instant openedAt,
        Instant nextProbeAt,
        Duration probeInterval,
        Instant disabledAt,
        String disabledReason,
        Instant lastSuccessAt,
        Instant lastFailureAt,
        Integer lastStatus,
        String lastError,
        Double rateLimit,
        Integer maxInFlight,
        int inFlight,
        long waiting,
        Instant updatedAt) {

    /** A destination with no row: closed, never failed. */
    static DestinationState withoutRow(
            DestinationKey key, String address, Double rateLimit, Integer maxInFlight, long waiting) {
        return new DestinationState(
                key,
                address,
                Breaker.CLOSED,
                0,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                rateLimit,
                maxInFlight,
                0,
                waiting,
                null);
    }

    /** Whether its deliveries flow: the breaker is closed. */
    public boolean healthy() {
        return breaker == Breaker.CLOSED && failingSince == null;
    }
}
