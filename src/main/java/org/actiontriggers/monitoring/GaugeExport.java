package org.actiontriggers.monitoring;

import java.util.Map;
import java.util.function.DoubleSupplier;

/**
 * The metrics API of the server the WAR runs on, reduced to the one thing the outbox needs: a gauge read on
 * demand. Payara offers MicroProfile Metrics ({@link MicroProfileGaugeExport}), WildFly 39 only Micrometer
 * ({@link MicrometerGaugeExport}). Each implementation references its API's classes, so CDI deploys exactly
 * the one whose API the server provides and skips the other (its classes do not load there).
 */
public interface GaugeExport {

    /**
     * Publishes a gauge.
     *
     * @param name the metric name, without unit suffix
     * @param unit the base unit (e.g. {@code "seconds"}) the exporter appends, or null
     * @param tags label names and values
     */
    void gauge(String name, String description, String unit, Map<String, String> tags, DoubleSupplier value);
}
