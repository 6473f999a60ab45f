package org.actiontriggers.monitoring;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;
import org.actiontriggers.boot.ActionTriggersStarted;

/**
 * Publishes the outbox gauges through the server's metrics API ({@link GaugeExport}):
 * {@code action_triggers_deliveries{state=…}} for succeeded, failed, retrying, dead, pending and in-flight
 * deliveries, {@code action_triggers_outbox_depth} (what still has to leave), and
 * {@code action_triggers_delivery_latency_seconds{quantile=…}}: from the change to the receiver's 2xx, over
 * the deliveries that succeeded in the last five minutes.
 */
@ApplicationScoped
public class OutboxMetrics {

    private static final Logger LOG = Logger.getLogger(OutboxMetrics.class.getName());

    static final String DELIVERIES = "action_triggers_deliveries";
    static final String OUTBOX_DEPTH = "action_triggers_outbox_depth";
    /** Exported as {@code action_triggers_delivery_latency_seconds}: the exporter appends the unit. */
    static final String LATENCY = "action_triggers_delivery_latency";

    @Inject
    Instance<GaugeExport> exports;

    @Inject
    OutboxFigures figures;

    void register(@Observes ActionTriggersStarted started) {
        if (exports.isUnsatisfied()) {
            LOG.warning(
                    "This server offers neither MicroProfile Metrics nor Micrometer: no outbox metrics."
                            + " The same figures are in /action-triggers/api/action-triggers/deliveries and the readiness check.");
        }
        exports.forEach(this::register);
    }

    private void register(GaugeExport export) {
        for (String state : new String[] {"SUCCEEDED", "FAILED", "RETRYING", "DEAD", "PENDING", "IN_FLIGHT"}) {
            export.gauge(
                    DELIVERIES,
                    "Deliveries in the outbox by state (retrying: pending after a failed round)",
                    null,
                    Map.of("state", state.toLowerCase(Locale.ROOT)),
                    () -> figures.current().count(state));
        }
        export.gauge(OUTBOX_DEPTH, "Deliveries still to leave: pending, retrying and in flight", null, Map.of(), () -> {
            OutboxFigures.Reading r = figures.current();
            return r.count("PENDING") + r.count("RETRYING") + r.count("IN_FLIGHT");
        });
        for (double q : new double[] {0.5, 0.95, 0.99, 1.0}) {
            export.gauge(
                    LATENCY,
                    "Seconds from the change to the receiver's 2xx, deliveries of the last five minutes",
                    "seconds",
                    Map.of("quantile", Double.toString(q)),
                    () -> figures.current().latencyQuantile(q));
        }
    }
}
