package org.actiontriggers.policy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
        List<String> refused = new ArrayList<>();
        for (FinishedDelivery f : outcomes) {
            DestinationKey key = PolicyKeys.of(f.delivery().destination());
            if (key == null) {
                continue;
            }
            if (f.state() == DeliveryState.DEAD && f.written()) {
                events.record(
                        c,
                        new PolicyEvent(
                                PolicyEvent.Type.DEAD_LETTERED,
                                key,
                                now,
                                f.outcome().reason(),
                                f.delivery().id()));
            }
            switch (f.outcome().kind()) {
                case SUCCEEDED ->
                    succeeded.computeIfAbsent(key, k -> new ArrayList<>()).add(f);
                case RETRYABLE ->
                    failed.computeIfAbsent(key, k -> new ArrayList<>()).add(f);
                case FAILED -> {
                    if (key.isWebhook()) {
                        refused.add(f.delivery().id());
                        failed.computeIfAbsent(key, k -> new ArrayList<>()).add(f);
                    }
                }
            }
        }
        Map<String, Integer> statuses = failed.isEmpty()
                ? Map.of()
                : outbox.lastStatuses(
                        c,
                        failed.values().stream()
                                .flatMap(List::stream)
                                .map(f -> f.delivery().id())
                                .toList());
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
                Integer status = statuses.get(f.delivery().id());
                boolean isRefusal = f.outcome().kind() == DeliveryOutcome.Kind.FAILED;
                if (isRefusal && (status == null || status != GONE)) {
                    // a 4xx other than 410 says the receiver is up and refused this one delivery
                    continue;
                }
                for (PolicyEvent.Type type : machine.failed(
                        row, now, f.delivery().id(), status, f.outcome().reason(), isRefusal)) {
                    raised.add(new PolicyEvent(type, key, now, detail(type, row, f), null));
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
