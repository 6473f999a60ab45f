/**
 * What operators watch: MicroProfile Health readiness (the database answers, the dispatcher runs) and
 * MicroProfile Metrics of the outbox (deliveries by state, outbox depth, delivery latency); each
 * configured message broker is part of readiness.
 *
 * <p>The figures are read from the outbox table, not counted in memory, so every instance reports the same
 * truth for the whole cluster and a restart loses nothing. Depends on {@code config}, {@code record}, {@code deliver.broker} and
 * {@code dispatch}; nothing depends on it.
 */
package org.actiontriggers.monitoring;
