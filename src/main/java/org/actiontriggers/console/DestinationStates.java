package org.actiontriggers.console;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Map;
import org.actiontriggers.outbox.DestinationRef;

/**
 * The console's view of the delivery policy's state per destination (healthy, breaker open, disabled and why),
 * and the admin's actions on it: re-enable, drop the waiting deliveries.
 */
@ApplicationScoped
public class DestinationStates {

    /** A destination's state as the health pages show it. */
    public record State(String label, String cssClass, String reason, OffsetDateTime since) implements Serializable {

        static final State HEALTHY = new State("healthy", "succeeded", null, null);

        public boolean isDisabled() {
            return label.equals("disabled");
        }
    }

    /** The state of every destination the policy holds one for; the others are healthy. */
    public Map<DestinationRef, State> all() {
        return Map.of();
    }

    public State of(DestinationRef destination) {
        return all().getOrDefault(destination, State.HEALTHY);
    }

    /** Re-enables a disabled destination, or closes its breaker; whether anything changed. */
    public boolean reenable(DestinationRef destination, String by) {
        return false;
    }

    /** Drops the deliveries waiting for the destination; how many. */
    public int dropWaiting(DestinationRef destination, String by) {
        return 0;
    }
}
