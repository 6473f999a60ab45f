/**
 * Stage 1, capture: the default entity listener declared in {@code META-INF/action-triggers-orm.xml} (which the application's persistence unit lists) sees every persist,
 * update and remove, snapshots watched entities into plain data and raises an {@code EntityChange} CDI event.
 *
 * <p>Depends on {@code trigger} and {@code settings} only. Runs inside the application's transaction: no network, no query.
 */
package org.actiontriggers.capture;
