package org.actiontriggers.capture;

import java.time.Instant;
import org.actiontriggers.trigger.Signal;

/**
 * The CDI event the capture stage raises for every watched change: which signal, of which entity, with a
 * snapshot of its state. Observed synchronously, inside the saving transaction, by the record stage.
 *
 * @param operation what the transaction does to the entity
 * @param occurredAt when the callback ran
 */
public record EntityChange(Signal signal, Operation operation, EntitySnapshot snapshot, Instant occurredAt) {

    /** What happened to the entity; tells a template whether a save created or updated. */
    public enum Operation {
        CREATE,
        UPDATE,
        DELETE
    }

    public String entityType() {
        return snapshot.entityType();
    }

    public Object entityId() {
        return snapshot.id();
    }
}
