package org.actiontriggers.monitoring;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
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
 * {@code action_triggers_destination_failed_rounds} and {@code action_triggers_destination_waiting}. The
 * destinations are read every {@value OutboxFigures#FRESH_SECONDS} seconds; gauges of a destination that
 * appeared since are registered then.
 */
@ApplicationScoped
public class DestinationMetrics {

    private static final Logger LOG = Logger.getLogger(DestinationMetrics.class.getName());

    static final String STATE = "action_triggers_destination_state";
    static final String FAILED_ROUNDS = "action_triggers_destination_failed_rounds";
    static final String WAITING = "action_triggers_destination_waiting";

    @Inject
    Instance<GaugeExport> exports;

    @Inject
    DestinationPolicy policy;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private final Map<String, DestinationState> current = new ConcurrentHashMap<>();
    private final Set<String> registered = ConcurrentHashMap.newKeySet();
    private ScheduledFuture<?> refresh;

    void start(@Observes ActionTriggersStarted started) {
        if (exports.isUnsatisfied()) {
            return;
        }
        refresh = scheduler.scheduleWithFixedDelay(this::refresh, 0, OutboxFigures.FRESH_SECONDS, TimeUnit.SECONDS);
    }

    void refresh() {
        try {
            for (DestinationState state : policy.list()) {
                String name = state.key().toString();
                current.put(name, state);
                if (registered.add(name)) {
                    exports.forEach(export -> register(export, name));
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Reading the destinations for their gauges failed; the next refresh tries again", e);
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
            DestinationState state = current.get(destination);
            return state == null ? 0 : value.applyAsDouble(state);
        });
    }

    @PreDestroy
    void stop() {
        if (refresh != null) {
            refresh.cancel(false);
        }
    }
}
