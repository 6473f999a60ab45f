package org.actiontriggers.monitoring;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.function.DoubleSupplier;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetadataBuilder;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/** Gauges in MicroProfile Metrics' application registry: {@code /metrics?scope=application} on Payara. */
@ApplicationScoped
public class MicroProfileGaugeExport implements GaugeExport {

    @Inject
    MetricRegistry registry;

    @Override
    public void gauge(String name, String description, String unit, Map<String, String> tags, DoubleSupplier value) {
        MetadataBuilder metadata = Metadata.builder().withName(name).withDescription(description);
        if (unit != null) {
            metadata.withUnit(unit);
        }
        Tag[] labels = tags.entrySet().stream()
                .map(tag -> new Tag(tag.getKey(), tag.getValue()))
                .toArray(Tag[]::new);
        registry.gauge(metadata.build(), value::getAsDouble, labels);
    }
}
