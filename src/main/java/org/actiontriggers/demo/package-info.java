/**
 * The seed page's shop — {@code Customer}, {@code Product}, {@code Sale} — as an ordinary application would
 * write it (no annotation of ours), open endpoints to change it, a demo receiver, and the seed trigger.
 *
 * <p>Depends on {@code trigger} and {@code settings} for the seed trigger, and on {@code capture}'s {@code
 * BulkChanges} for its one bulk statement, as a host application would; the product never depends on it.
 */
package org.actiontriggers.demo;
