package org.actiontriggers.monitoring;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.DoubleSupplier;

/**
 * Gauges in the Micrometer registry WildFly injects; its micrometer subsystem serves them in Prometheus
 * format (see {@code server-config/wildfly/configure.cli}).
 *
 * <p>Registers through {@code MeterRegistry.gauge(name, tags, state, function)}, the one call WildFly 39's
 * per-deployment registry forwards to the exported registry (a {@code Gauge.builder(…).register(…)} stays in
 * the deployment's own registry and is never served). That call takes no unit, so the unit becomes the name's
 * suffix, as Prometheus naming does anyway; and Micrometer holds the state weakly, so this bean keeps it.
 */
@ApplicationScoped
public class MicrometerGaugeExport implements GaugeExport {

    private final List<DoubleSupplier> values = new CopyOnWriteArrayList<>();

    @Inject
    MeterRegistry registry;

    @Override
    public void gauge(String name, String description, String unit, Map<String, String> tags, DoubleSupplier value) {
        values.add(value);
        List<Tag> labels = tags.entrySet().stream()
                .map(tag -> Tag.of(tag.getKey(), tag.getValue()))
                .toList();
        registry.gauge(unit == null ? name : name + "_" + unit, labels, value, DoubleSupplier::getAsDouble);
    }
}
