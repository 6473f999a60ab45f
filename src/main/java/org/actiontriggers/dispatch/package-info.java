/**
 * Stage 3, dispatch: claims due outbox rows in batches, a change's rows together ({@code FOR UPDATE SKIP
 * LOCKED}, with a lease) right after a commit and on a recovery sweep, hands each to the deliver stage outside
 * any transaction, and records the outcomes in batches ({@code OutcomeWriter}: attempts and the next round,
 * success or dead letter, of many deliveries in one transaction). The policy hooks {@code ClaimFilter} and
 * {@code OutcomeObserver} run inside those transactions. Also the retention cleanup of finished deliveries.
 *
 * <p>Depends on {@code settings}, {@code boot} (the start-up event), {@code outbox}, {@code record}
 * (the commit signal) and {@code deliver}.
 */
package org.actiontriggers.dispatch;
