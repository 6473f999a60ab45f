/**
 * Stage 1, capture: the default entity listener declared in {@code META-INF/action-triggers-orm.xml} (which the application's persistence unit lists) sees every load, persist,
 * update and remove, snapshots watched entities into plain data and raises an {@code EntityChange} CDI event, with
 * the state the entity was loaded with or last flushed as its {@code previous} ({@code PreviousStates}: a
 * resource of the JTA transaction, never a field of the entity). {@code BulkChanges} is the public API for
 * application code whose bulk {@code UPDATE}/{@code DELETE} statements bypass entity listeners: it raises the
 * same events for the rows the code names.
 *
 * <p>Depends on {@code trigger} and {@code settings} only (and on the JTA transaction synchronization registry).
 * Runs inside the application's transaction: no network; a query only in {@code BulkChanges}, which reads the
 * named rows.
 */
package org.actiontriggers.capture;
