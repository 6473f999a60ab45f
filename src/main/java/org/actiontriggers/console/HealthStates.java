package org.actiontriggers.console;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.actiontriggers.outbox.DestinationRef;
import org.actiontriggers.policy.DestinationKey;
import org.actiontriggers.policy.DestinationPolicy;
import org.actiontriggers.policy.DestinationState;

/**
 * The delivery policy's state per destination in the health pages' words — healthy, breaker open, disabled,
 * and why — over {@link DestinationPolicy}, which the admin API shares; and the admin's actions on it.
 */
@ApplicationScoped
public class HealthStates {

    @Inject
    DestinationPolicy policy;

    /** A destination's state as the health pages show it. */
    public record State(String label, String cssClass, String reason, OffsetDateTime since, long waiting)
            implements Serializable {

        static final State HEALTHY = new State("healthy", "succeeded", null, null, 0);
    }

    /** A destination with where it goes and its state. */
    public record Entry(DestinationRef ref, String address, State state) {}

    /** Every destination the policy knows: each webhook, each defined broker, and any other with a state. */
    public List<Entry> all() {
        return policy.list().stream().map(HealthStates::entry).toList();
    }

    public Optional<Entry> of(DestinationRef destination) {
        return policy.find(key(destination)).map(HealthStates::entry);
    }

    /** Re-enables a disabled destination, or closes its breaker; whether it was held before. */
    public boolean reenable(DestinationRef destination, String by) {
        boolean held =
                of(destination).map(e -> !e.state().label().equals("healthy")).orElse(false);
        policy.reEnable(key(destination), by);
        return held;
    }

    /** Disables the destination with the admin's reason (or "disabled by …" without one). */
    public void disable(DestinationRef destination, String reason, String by) {
        policy.disable(key(destination), reason, by);
    }

    /** Drops the deliveries waiting for the destination; how many. */
    public int dropWaiting(DestinationRef destination, String by) {
        return policy.dropWaiting(key(destination), by).orElse(0);
    }

    static DestinationKey key(DestinationRef ref) {
        return DestinationKey.parse(ref.key());
    }

    static DestinationRef ref(DestinationKey key) {
        return key.isWebhook() ? DestinationRef.webhook(key.webhookId()) : DestinationRef.broker(key.brokerName());
    }

    private static Entry entry(DestinationState s) {
        return new Entry(ref(s.key()), s.address(), state(s));
    }

    /** The pages' words for a policy state. */
    static State state(DestinationState s) {
        return switch (s.breaker()) {
            case DISABLED -> new State("disabled", "disabled", s.disabledReason(), utc(s.disabledAt()), s.waiting());
            case OPEN ->
                new State(
                        "breaker open",
                        "breaker_open",
                        "opened after " + s.failedRounds() + " failed rounds in a row"
                                + (s.lastError() == null ? "" : "; last: " + s.lastError())
                                + (s.nextProbeAt() == null ? "" : "; next probe " + s.nextProbeAt()),
                        utc(s.openedAt()),
                        s.waiting());
            case CLOSED ->
                s.failingSince() == null
                        ? new State("healthy", "succeeded", null, null, s.waiting())
                        : new State(
                                "failing",
                                "pending",
                                s.failedRounds() + " failed round(s) in a row"
                                        + (s.lastError() == null ? "" : "; last: " + s.lastError()),
                                utc(s.failingSince()),
                                s.waiting());
        };
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
