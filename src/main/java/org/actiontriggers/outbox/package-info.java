/**
 * The transactional outbox: the only package that reads or writes the {@code action_triggers_delivery} and
 * {@code action_triggers_attempt} tables, all through plain JDBC on the one data source (no persistence unit
 * of ours). Each table has one column list and one row mapper ({@code DeliveryTable}, {@code AttemptTable});
 * a delivery's destination fills and reads its own columns ({@code trigger.Destination}), so the outbox
 * handles every kind of destination alike. {@code DeliveryRepository} inserts pending deliveries, claims due
 * ones in batches cut at a change's boundary ({@code ClaimGroups}) and records finished rounds in batches
 * ({@code PendingDelivery}, {@code ClaimedDelivery}, {@code Finish}, {@code AttemptRecord}); the dispatcher's
 * work inside those transactions comes in as {@code ClaimStep}, {@code FinishStep} and {@code ReleaseStep};
 * {@code Delivery} and {@code Attempt} are the read model behind {@code DeliveryLog} and
 * {@code DeliverySearch}; {@code Redelivery} queues a delivery again; {@code DeliveryStatistics} serves the
 * monitoring figures; {@code DestinationFigures} each destination's health in figures ({@code Figures} per
 * {@code FigureWindow}, computed in Java over a bounded number of the newest attempts) for the console's health
 * pages and the admin API.
 *
 * <p>Depends on {@code trigger} only (the destination types, paging).
 */
package org.actiontriggers.outbox;
