/**
 * Delivery policy per destination (a webhook, or a message broker by name): the circuit breaker, the
 * auto-disable of a destination that keeps failing, the operator alerts, and the optional rate limit and
 * in-flight cap of a webhook. The state of each destination is one row of {@code action_triggers_destination}
 * ({@code DestinationStates}, read model {@code DestinationState}), so every instance honours it and a
 * restart keeps it; {@code DestinationPolicy} holds the operator's use cases (list, read, disable, re-enable,
 * drop waiting deliveries) that the admin API and the console share.
 *
 * <p>Depends on {@code settings}, {@code trigger} and {@code outbox}.
 */
package org.actiontriggers.policy;
