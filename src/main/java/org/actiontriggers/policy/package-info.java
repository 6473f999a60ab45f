/**
 * Delivery policy per destination (a webhook, or a message broker by name): the circuit breaker, the
 * auto-disable of a destination that keeps failing, the operator alerts, and the optional rate limit and
 * in-flight cap of a webhook (docs/policy.md). The state of each destination is one row of
 * {@code action_triggers_destination} ({@code DestinationStates}, read model {@code DestinationState}), so every
 * instance honours it and a restart keeps it. The rules are pure ({@code BreakerMachine}, {@code TokenBucket});
 * they are applied through the dispatcher's two hooks, not a loop of their own: {@code PolicyClaimFilter} in
 * the claim transaction (blocked destinations are no candidates; probes, tokens and in-flight slots are taken
 * under the destination row's lock) and {@code PolicyOutcomeObserver} in the finish transaction (breaker moves,
 * disables, and the alerts of {@code PolicyEvents} as outbox rows on the same connection). {@code
 * DestinationPolicy} holds the operator's use cases (list, read, disable, re-enable, drop waiting deliveries)
 * that the admin API and the console share.
 *
 * <p>Depends on {@code settings}, {@code trigger}, {@code outbox}, {@code dispatch} (the hooks and the wake-up
 * after a throttle) and {@code deliver} (the outcome kinds).
 */
package org.actiontriggers.policy;
