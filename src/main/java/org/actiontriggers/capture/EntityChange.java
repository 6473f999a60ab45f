package org.actiontriggers.capture;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.actiontriggers.trigger.Signal;

/**
 * The CDI event the capture stage raises for every watched change: which signal, of which entity, with a
 * snapshot of its state. Observed synchronously, inside the saving transaction, by the record stage.
 *
 * <p>A class rather than a record so that {@link #changedFields()} is worked out once per change, however
 * many conditions and templates read it.
 */
public final class EntityChange {

    /** What happened to the entity; tells a template whether a save created or updated. */
    public enum Operation {
        CREATE,
        UPDATE,
        DELETE
    }

    private final Signal signal;
    private final Operation operation;
    private final EntitySnapshot snapshot;
    private final EntitySnapshot previous;
    private final Instant occurredAt;
    private volatile List<String> changedFields;

    /**
     * @param operation what the transaction does to the entity
     * @param snapshot the entity's state now (for a delete: its last state)
     * @param previous for an update or delete, the state the entity had when it was loaded or last flushed in
     *     this transaction; {@code null} for a create, and when no earlier state was seen
     * @param occurredAt when the callback ran
     */
    public EntityChange(
            Signal signal, Operation operation, EntitySnapshot snapshot, EntitySnapshot previous, Instant occurredAt) {
        this.signal = signal;
        this.operation = operation;
        this.snapshot = snapshot;
        this.previous = previous;
        this.occurredAt = occurredAt;
    }

    /** A change without a previous state: a create, or a change whose earlier state was not seen. */
    public EntityChange(Signal signal, Operation operation, EntitySnapshot snapshot, Instant occurredAt) {
        this(signal, operation, snapshot, null, occurredAt);
    }

    public Signal signal() {
        return signal;
    }

    public Operation operation() {
        return operation;
    }

    public EntitySnapshot snapshot() {
        return snapshot;
    }

    public EntitySnapshot previous() {
        return previous;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public String entityType() {
        return snapshot.entityType();
    }

    public Object entityId() {
        return snapshot.id();
    }

    /**
     * The names of the top-level properties whose value differs between {@link #previous} and {@link
     * #snapshot}, in declaration order; empty without a previous state. A property only one side has (such as
     * a lazy reference read on one side only) is not a change.
     */
    public List<String> changedFields() {
        List<String> known = changedFields;
        if (known == null) {
            known = previous == null ? List.of() : differences(snapshot, previous);
            changedFields = known;
        }
        return known;
    }

    private static List<String> differences(EntitySnapshot snapshot, EntitySnapshot previous) {
        List<String> changed = new ArrayList<>();
        snapshot.properties().forEach((name, value) -> {
            if (previous.properties().containsKey(name)
                    && !same(value, previous.properties().get(name))) {
                changed.add(name);
            }
        });
        return List.copyOf(changed);
    }

    /**
     * Equal values; a referenced entity by its type and id, a decimal by its value whatever its scale, lists
     * and maps (collections, embeddables) element by element alike — the previous state holds references by id
     * only, the new one may hold them read in full.
     */
    private static boolean same(Object a, Object b) {
        if (a instanceof EntitySnapshot x && b instanceof EntitySnapshot y) {
            return x.entityType().equals(y.entityType()) && Objects.equals(x.id(), y.id());
        }
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!same(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            if (!x.keySet().equals(y.keySet())) {
                return false;
            }
            for (Map.Entry<?, ?> entry : x.entrySet()) {
                if (!same(entry.getValue(), y.get(entry.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        return Objects.equals(a, b);
    }
}
