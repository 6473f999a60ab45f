package org.actiontriggers.monitoring;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Locale;
import org.actiontriggers.config.ActionTriggersStarted;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Registers the outbox gauges in the application registry ({@code /metrics?scope=application}):
 * {@code action_triggers_deliveries{state=…}} for succeeded, failed, retrying, dead, pending and in-flight
 * deliveries, {@code action_triggers_outbox_depth} (what still has to leave), and
 * {@code action_triggers_delivery_latency_seconds{quantile=…}}: from the change to the receiver's 2xx, over
 * the deliveries that succeeded in the last five minutes.
 */
@ApplicationScoped
public class OutboxMetrics {

    static final String DELIVERIES = "action_triggers_deliveries";
    static final String OUTBOX_DEPTH = "action_triggers_outbox_depth";
    /** Exported as {@code action_triggers_delivery_latency_seconds}: the exporter appends the unit. */
    static final String LATENCY = "action_triggers_delivery_latency";

    @Inject
    MetricRegistry registry;

    @Inject
    OutboxFigures figures;

    void register(@Observes ActionTriggersStarted started) {
        Metadata deliveries = Metadata.builder()
                .withName(DELIVERIES)
                .withDescription("Deliveries in the outbox by state (retrying: pending after a failed round)")
                .build();
        for (String state : new String[] {"SUCCEEDED", "FAILED", "RETRYING", "DEAD", "PENDING", "IN_FLIGHT"}) {
            registry.gauge(
                    deliveries, () -> figures.current().count(state), new Tag("state", state.toLowerCase(Locale.ROOT)));
        }
        registry.gauge(
                Metadata.builder()
                        .withName(OUTBOX_DEPTH)
                        .withDescription("Deliveries still to leave: pending, retrying and in flight")
                        .build(),
                () -> {
                    OutboxFigures.Reading r = figures.current();
                    return r.count("PENDING") + r.count("RETRYING") + r.count("IN_FLIGHT");
                });
        Metadata latency = Metadata.builder()
                .withName(LATENCY)
                .withDescription("Seconds from the change to the receiver's 2xx, deliveries of the last five minutes")
                .withUnit(MetricUnits.SECONDS)
                .build();
        for (double q : new double[] {0.5, 0.95, 0.99, 1.0}) {
            registry.gauge(
                    latency, () -> figures.current().latencyQuantile(q), new Tag("quantile", Double.toString(q)));
        }
    }
}
