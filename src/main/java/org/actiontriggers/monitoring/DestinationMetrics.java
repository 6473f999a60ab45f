package org.actiontriggers.monitoring;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.actiontriggers.boot.ActionTriggersStarted;
import org.actiontriggers.policy.DestinationPolicy;
import org.actiontriggers.policy.DestinationState;

/**
 * The delivery policy's gauges per destination ({@code destination="webhook:12"}):
 * {@code action_triggers_destination_state} (0 closed, 1 open, 2 disabled),
 * {@code action_triggers_destination_failed_rounds} and {@code action_triggers_destination_waiting}, and
 * {@code action_triggers_destinations_unhealthy} (breaker open or disabled, or failing). The destinations are
 * read when a gauge is read and the last reading is older than {@value OutboxFigures#FRESH_SECONDS} seconds —
 * nothing is read while nobody scrapes; gauges of a destination that appeared since are registered then, so
 * they show from the next scrape on.
 */
@ApplicationScoped
public class DestinationMetrics {

    private static final Logger LOG = Logger.getLogger(DestinationMetrics.class.getName());

    static final String STATE = "action_triggers_destination_state";
    static final String FAILED_ROUNDS = "action_triggers_destination_failed_rounds";
    static final String WAITING = "action_triggers_destination_waiting";
    static final String UNHEALTHY = "action_triggers_destinations_unhealthy";

    @Inject
    Instance<GaugeExport> exports;

    @Inject
    DestinationPolicy policy;

    private final Map<String, DestinationState> current = new ConcurrentHashMap<>();
    private final Set<String> registered = ConcurrentHashMap.newKeySet();
    private volatile long readAt;

    void start(@Observes ActionTriggersStarted started) {
        exports.forEach(export -> export.gauge(
                UNHEALTHY, "Destinations whose breaker is open or that are disabled or failing", null, Map.of(), () -> {
                    refreshIfStale();
                    return current.values().stream().filter(s -> !s.healthy()).count();
                }));
    }

    private void refreshIfStale() {
        long now = System.nanoTime();
        if (readAt != 0 && now - readAt < TimeUnit.SECONDS.toNanos(OutboxFigures.FRESH_SECONDS)) {
            return;
        }
        readAt = now;
        try {
            for (DestinationState state : policy.list()) {
                String name = state.key().toString();
                current.put(name, state);
                if (registered.add(name)) {
                    exports.forEach(export -> register(export, name));
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Reading the destinations for their gauges failed; the next scrape tries again", e);
        }
    }

    private void register(GaugeExport export, String destination) {
        Map<String, String> tags = Map.of("destination", destination);
        gauge(
                export,
                STATE,
                "Circuit breaker: 0 closed, 1 open, 2 disabled",
                tags,
                destination,
                s -> s.breaker().ordinal());
        gauge(
                export,
                FAILED_ROUNDS,
                "Failed rounds in a row since the last success",
                tags,
                destination,
                s -> s.failedRounds());
        gauge(export, WAITING, "Deliveries pending for the destination", tags, destination, s -> s.waiting());
    }

    private void gauge(
            GaugeExport export,
            String name,
            String description,
            Map<String, String> tags,
            String destination,
            ToDoubleFunction<DestinationState> value) {
        export.gauge(name, description, null, tags, () -> {
            refreshIfStale();
            DestinationState state = current.get(destination);
            return state == null ? 0 : value.applyAsDouble(state);
        });
    }
}
