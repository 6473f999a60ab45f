/**
 * What operators watch: MicroProfile Health readiness (the database answers, the dispatcher runs) and
 * metrics of the outbox (deliveries by state, outbox depth, delivery latency), published through the
 * server's metrics API behind {@code GaugeExport}: MicroProfile Metrics on Payara, Micrometer on WildFly.
 * Each configured message broker is part of readiness. The delivery policy's state per destination is
 * published as gauges too ({@code DestinationMetrics}, from {@code policy.DestinationPolicy}).
 * The built-in sign-in's throttle is counted too ({@code SignInMetrics}: failures, refusals while locked,
 * locks in force; in memory, per instance).
 *
 * <p>The outbox figures are read from the outbox tables, not counted in memory, so every instance reports the same
 * truth for the whole cluster and a restart loses nothing. The SQL lives in
 * {@code outbox.DeliveryStatistics}. Depends on {@code settings}, {@code boot}, {@code outbox},
 * {@code dispatch}, {@code deliver.broker}, {@code policy} and {@code access}; nothing depends on it.
 */
package org.actiontriggers.monitoring;
