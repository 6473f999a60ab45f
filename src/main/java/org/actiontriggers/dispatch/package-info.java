/**
 * Stage 3, dispatch: claims due outbox rows ({@code FOR UPDATE SKIP LOCKED}, with a lease) right after a
 * commit and on a recovery sweep, hands each to the deliver stage outside any transaction, and schedules
 * the next round, success or dead letter. Also the retention cleanup of finished deliveries.
 *
 * <p>Depends on {@code settings}, {@code boot} (the start-up event), {@code outbox}, {@code record}
 * (the commit signal) and {@code deliver}.
 */
package org.actiontriggers.dispatch;
