package org.actiontriggers.policy;

import java.time.Instant;
import java.util.List;

/**
 * An operational event of the delivery policy, as the operator webhook receives it (docs/policy.md).
 *
 * @param type what happened
 * @param destination the destination it concerns
 * @param at when
 * @param detail the reason, the last error, or who acted; {@code null} when there is nothing to add
 * @param deliveryId the dead-lettered delivery, for {@link Type#DEAD_LETTERED}; else {@code null}
 */
public record PolicyEvent(Type type, DestinationKey destination, Instant at, String detail, String deliveryId) {

    /** The kinds of events, each with its {@code type} in the event document. */
    public enum Type {
        BREAKER_OPENED("breaker.opened", 0),
        BREAKER_CLOSED("breaker.closed", 0),
        FAILING_50("destination.failing", 50),
        FAILING_70("destination.failing", 70),
        FAILING_90("destination.failing", 90),
        DISABLED("destination.disabled", 100),
        RE_ENABLED("destination.enabled", 0),
        DEAD_LETTERED("delivery.dead_lettered", 0);

        /** The shares of {@code disable-after} at which a failing destination raises an alert, in order. */
        static final List<Type> THRESHOLDS = List.of(FAILING_50, FAILING_70, FAILING_90);

        private final String name;
        private final int percent;

        Type(String name, int percent) {
            this.name = name;
            this.percent = percent;
        }

        /** The event's {@code type} in its document, e.g. {@code breaker.opened}. */
        public String eventName() {
            return name;
        }

        /** For the failing thresholds and the disable: the share of {@code disable-after} reached; else 0. */
        public int percent() {
            return percent;
        }
    }
}
