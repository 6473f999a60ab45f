package org.actiontriggers.policy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.actiontriggers.deliver.DeliveryOutcome;
import org.actiontriggers.dispatch.FinishedDelivery;
import org.actiontriggers.dispatch.OutcomeObserver;
import org.actiontriggers.outbox.DeliveryRepository;
import org.actiontriggers.outbox.DeliveryState;
import org.actiontriggers.settings.TriggerSettings;

/**
 * The policy's view of the finish transaction: each destination's failed rounds, successes and {@code 410
 * Gone} move its breaker ({@link BreakerMachine}) under its row's lock, and every event that causes — and
 * every dead letter — is recorded on the same connection ({@link PolicyEvents}), so it commits with the
 * outcomes or not at all. Outcomes of the operator's alert webhook are left alone: alerts never alert.
 *
 * <p>With every destination healthy this costs one read of the (then empty) set of unhealthy destinations per
 * batch that succeeded, and nothing more.
 */
@ApplicationScoped
public class PolicyOutcomeObserver implements OutcomeObserver {

    static final int GONE = 410;

    @Inject
    DestinationStates states;

    @Inject
    DeliveryRepository outbox;

    @Inject
    PolicyEvents events;

    @Inject
    TriggerSettings settings;

    @Override
    public void recorded(Connection c, List<FinishedDelivery> outcomes, Instant now) throws SQLException {
        Map<DestinationKey, List<FinishedDelivery>> failed = new TreeMap<>(PolicyOutcomeObserver::byText);
        Map<DestinationKey, List<FinishedDelivery>> succeeded = new TreeMap<>(PolicyOutcomeObserver::byText);
        List<FinishedDelivery> dead = new ArrayList<>();
        List<FinishedDelivery> refusals = new ArrayList<>();
        Set<String> kept = new HashSet<>();
        for (FinishedDelivery f : outcomes) {
            DestinationKey key = PolicyKeys.of(f.delivery().destination());
            if (key == null) {
                continue;
            }
            if (f.state() == DeliveryState.DEAD && f.written()) {
                dead.add(f);
            }
            switch (f.outcome().kind()) {
                case SUCCEEDED ->
                    succeeded.computeIfAbsent(key, k -> new ArrayList<>()).add(f);
                case RETRYABLE ->
                    failed.computeIfAbsent(key, k -> new ArrayList<>()).add(f);
                case FAILED -> {
                    if (key.isWebhook()) {
                        refusals.add(f);
                    }
                }
            }
        }
        // a 4xx other than 410 says the receiver is up and refused one delivery: only 410 Gone counts
        Map<String, Integer> statuses = statuses(c, refusals);
        for (FinishedDelivery f : refusals) {
            Integer status = statuses.get(f.delivery().id());
            if (status != null && status == GONE) {
                failed.computeIfAbsent(PolicyKeys.of(f.delivery().destination()), k -> new ArrayList<>())
                        .add(f);
            }
        }
        Map<DestinationKey, DestinationRow> unhealthy = succeeded.isEmpty() ? Map.of() : states.unhealthy(c);
        BreakerMachine machine = new BreakerMachine(settings.current().policy());
        TreeMap<DestinationKey, Boolean> touched = new TreeMap<>(PolicyOutcomeObserver::byText);
        failed.keySet().forEach(k -> touched.put(k, true));
        succeeded.keySet().stream().filter(unhealthy::containsKey).forEach(k -> touched.put(k, true));
        for (DestinationKey key : touched.keySet()) {
            List<PolicyEvent> raised = new ArrayList<>();
            boolean closed = false;
            DestinationRow row = row(c, key);
            for (FinishedDelivery f : failed.getOrDefault(key, List.of())) {
                boolean isRefusal = f.outcome().kind() == DeliveryOutcome.Kind.FAILED;
                Integer status = isRefusal ? Integer.valueOf(GONE) : lastStatus(f);
                boolean probe = f.delivery().id().equals(row.probeId);
                for (PolicyEvent.Type type : machine.failed(
                        row, now, f.delivery().id(), status, f.outcome().reason(), isRefusal)) {
                    raised.add(new PolicyEvent(type, key, now, detail(type, row, f), null));
                }
                if (f.written() && (probe || row.breaker == Breaker.DISABLED)) {
                    // the destination failed, not this delivery: it waits again, its round not counted
                    outbox.keepWaiting(
                            c,
                            f.delivery().id(),
                            f.delivery().failedRounds(),
                            row.nextProbeAt == null ? now : row.nextProbeAt);
                    kept.add(f.delivery().id());
                }
            }
            for (FinishedDelivery f : succeeded.getOrDefault(key, List.of())) {
                for (PolicyEvent.Type type : machine.succeeded(row, now)) {
                    closed = true;
                    raised.add(new PolicyEvent(type, key, now, null, null));
                }
            }
            states.update(c, row, now);
            if (closed) {
                outbox.pendingDueNow(c, key.webhookId(), key.brokerName());
            }
            for (PolicyEvent event : raised) {
                events.record(c, event);
            }
        }
        for (FinishedDelivery f : dead) {
            if (!kept.contains(f.delivery().id())) {
                events.record(
                        c,
                        new PolicyEvent(
                                PolicyEvent.Type.DEAD_LETTERED,
                                PolicyKeys.of(f.delivery().destination()),
                                now,
                                f.outcome().reason(),
                                f.delivery().id()));
            }
        }
    }

    /**
     * The final HTTP status of each refused round: its last attempt's, or — when the channel recorded the
     * attempts itself — the one on the delivery's row.
     */
    private Map<String, Integer> statuses(Connection c, List<FinishedDelivery> refusals) throws SQLException {
        Map<String, Integer> statuses = new java.util.HashMap<>();
        List<String> unknown = new ArrayList<>();
        for (FinishedDelivery f : refusals) {
            Integer status = lastStatus(f);
            if (status != null) {
                statuses.put(f.delivery().id(), status);
            } else if (f.attempts().isEmpty()) {
                unknown.add(f.delivery().id());
            }
        }
        if (!unknown.isEmpty()) {
            statuses.putAll(outbox.lastStatuses(c, unknown));
        }
        return statuses;
    }

    private static Integer lastStatus(FinishedDelivery f) {
        return f.attempts().isEmpty()
                ? null
                : f.attempts().get(f.attempts().size() - 1).statusCode();
    }

    private DestinationRow row(Connection c, DestinationKey key) throws SQLException {
        var row = states.row(c, key, true);
        if (row.isPresent()) {
            return row.get();
        }
        states.ensure(key);
        return states.row(c, key, true).orElseThrow();
    }

    private static String detail(PolicyEvent.Type type, DestinationRow row, FinishedDelivery f) {
        return type == PolicyEvent.Type.DISABLED
                ? row.disabledReason
                : f.outcome().reason();
    }

    private static int byText(DestinationKey a, DestinationKey b) {
        return a.toString().compareTo(b.toString());
    }
}
