package org.actiontriggers.record;

/**
 * Raised after a transaction that recorded deliveries has committed — the portable "wake the dispatcher"
 * signal (CDI {@code AFTER_SUCCESS} observers lose events from the commit-time flush on some servers).
 *
 * @param deliveries how many deliveries the transaction recorded
 */
public record OutboxCommitted(int deliveries) {}
