package org.actiontriggers.policy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.actiontriggers.settings.PolicySettings;

/**
 * The circuit breaker and auto-disable of one destination as a pure state machine over its row, so that the
 * rules are tested without a server:
 *
 * <ul>
 *   <li>a failed round counts; after {@code failure-threshold} in a row the breaker opens, and the first probe
 *       may go after {@code probe-interval};
 *   <li>while open, only the probe's outcome moves it: a failed probe doubles the wait (up to
 *       {@code max-probe-interval}), a success closes it; so does any other success (the receiver answers);
 *   <li>failing without a success for 50, 70 and 90 % of {@code disable-after} raises a threshold event each
 *       once; at 100 % the destination is disabled, and at once on {@code 410 Gone};
 *   <li>a disabled destination stays so until an admin re-enables it, whatever outcomes still come in.
 * </ul>
 */
final class BreakerMachine {

    private final PolicySettings settings;

    BreakerMachine(PolicySettings settings) {
        this.settings = settings;
    }

    /** A round succeeded. */
    List<PolicyEvent.Type> succeeded(DestinationRow row, Instant now) {
        List<PolicyEvent.Type> events = new ArrayList<>();
        row.lastSuccessAt = now;
        if (row.breaker == Breaker.DISABLED) {
            return events;
        }
        if (row.breaker == Breaker.OPEN) {
            events.add(PolicyEvent.Type.BREAKER_CLOSED);
        }
        row.reset();
        return events;
    }

    /**
     * A round failed.
     *
     * @param deliveryId the delivery whose round it was: only the probe's moves an open breaker
     * @param status the HTTP status, or {@code null} (no response, or a broker)
     * @param gone whether the destination answered {@code 410 Gone}: disabled at once
     */
    List<PolicyEvent.Type> failed(
            DestinationRow row, Instant now, String deliveryId, Integer status, String error, boolean gone) {
        List<PolicyEvent.Type> events = new ArrayList<>();
        row.lastFailureAt = now;
        row.lastStatus = status;
        row.lastError = error;
        if (row.breaker == Breaker.DISABLED) {
            return events;
        }
        if (row.failingSince == null) {
            row.failingSince = now;
        }
        row.failedRounds++;
        if (gone) {
            row.disable(now, "the destination answered 410 Gone");
            events.add(PolicyEvent.Type.DISABLED);
            return events;
        }
        if (row.breaker == Breaker.CLOSED && row.failedRounds >= settings.failureThreshold()) {
            row.breaker = Breaker.OPEN;
            row.openedAt = now;
            row.probeInterval = settings.probeInterval();
            row.nextProbeAt = now.plus(row.probeInterval);
            row.probeId = null;
            events.add(PolicyEvent.Type.BREAKER_OPENED);
        } else if (row.breaker == Breaker.OPEN && deliveryId.equals(row.probeId)) {
            Duration doubled = row.probeInterval == null ? settings.probeInterval() : row.probeInterval.multipliedBy(2);
            row.probeInterval =
                    doubled.compareTo(settings.maxProbeInterval()) > 0 ? settings.maxProbeInterval() : doubled;
            row.nextProbeAt = now.plus(row.probeInterval);
            row.probeId = null;
        }
        Duration failing = Duration.between(row.failingSince, now);
        // every threshold passed since the last outcome is raised, in order, also when this outcome comes only
        // after the whole period (a long probe interval): the operator is warned before being told it is disabled
        for (PolicyEvent.Type threshold : PolicyEvent.Type.THRESHOLDS) {
            int percent = threshold.percent();
            if (row.alertedPercent < percent
                    && failing.toMillis() * 100 >= settings.disableAfter().toMillis() * percent) {
                row.alertedPercent = percent;
                events.add(threshold);
            }
        }
        if (failing.compareTo(settings.disableAfter()) >= 0) {
            row.disable(
                    now,
                    "failing without a success since " + row.failingSince + " (" + settings.disableAfter()
                            + " allowed); last error: " + (error == null ? "none" : error));
            events.add(PolicyEvent.Type.DISABLED);
        }
        return events;
    }

    /**
     * Whether a delivery of this destination may be claimed now as the open breaker's probe; if so the row
     * records it as the probe, and no other goes until its outcome or the end of its lease.
     */
    boolean takeProbe(DestinationRow row, Instant now, String deliveryId, Duration lease) {
        if (row.breaker != Breaker.OPEN || (row.nextProbeAt != null && row.nextProbeAt.isAfter(now))) {
            return false;
        }
        row.probeId = deliveryId;
        row.nextProbeAt = now.plus(lease);
        return true;
    }
}
