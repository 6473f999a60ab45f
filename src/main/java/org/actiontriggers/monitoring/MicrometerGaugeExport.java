package org.actiontriggers.monitoring;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import jakarta.annotation.PreDestroy;
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
 *
 * <p>The exported registry outlives a deployment, and {@code gauge(…)} returns a meter already there under the
 * same name and tags instead of registering the new state: after a redeploy, the old deployment's gauge, whose
 * state is gone, would be served as {@code NaN}. So a stale gauge is removed before registering, and ours are
 * removed when the application stops.
 */
@ApplicationScoped
public class MicrometerGaugeExport implements GaugeExport {

    private final List<DoubleSupplier> values = new CopyOnWriteArrayList<>();
    private final List<Gauge> registered = new CopyOnWriteArrayList<>();

    @Inject
    MeterRegistry registry;

    @Override
    public void gauge(String name, String description, String unit, Map<String, String> tags, DoubleSupplier value) {
        values.add(value);
        List<Tag> labels = tags.entrySet().stream()
                .map(tag -> Tag.of(tag.getKey(), tag.getValue()))
                .toList();
        String metric = unit == null ? name : name + "_" + unit;
        Gauge stale = registry.find(metric).tags(labels).gauge();
        if (stale != null) {
            registry.remove(stale);
        }
        registry.gauge(metric, labels, value, DoubleSupplier::getAsDouble);
        Gauge gauge = registry.find(metric).tags(labels).gauge();
        if (gauge != null) {
            registered.add(gauge);
        }
    }

    @PreDestroy
    void removeGauges() {
        registered.forEach(registry::remove);
        registered.clear();
    }
}
