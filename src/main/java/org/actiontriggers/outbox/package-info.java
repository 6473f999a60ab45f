/**
 * The transactional outbox: the only package that reads or writes the {@code action_triggers_delivery} and
 * {@code action_triggers_attempt} tables. {@code DeliveryRepository} inserts pending deliveries, claims due
 * ones and records their attempts ({@code PendingDelivery}, {@code ClaimedDelivery}, {@code AttemptRecord});
 * {@code Delivery} and {@code Attempt} are the JPA read model behind {@code DeliveryLog} and
 * {@code DeliverySearch}; {@code Redelivery} queues a delivery again; {@code DeliveryStatistics} serves the
 * monitoring figures.
 *
 * <p>Depends on {@code trigger} only (the HTTP method, the headers column, paging).
 */
package org.actiontriggers.outbox;
