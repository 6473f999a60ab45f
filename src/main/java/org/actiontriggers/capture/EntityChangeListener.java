package org.actiontriggers.capture;

import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreRemove;
import jakarta.persistence.PreUpdate;
import java.time.Instant;
import org.actiontriggers.capture.EntityChange.Operation;
import org.actiontriggers.trigger.ActiveTriggers;
import org.actiontriggers.trigger.Signal;

/**
 * The one default entity listener, declared in {@code META-INF/action-triggers-orm.xml}: it sees every load, persist, update and
 * remove of every entity, so the application's entity classes need nothing of ours.
 *
 * <p>For a change some active config watches it takes a snapshot and raises an {@link EntityChange}; for any
 * other it returns after one hash lookup. It never touches the network and never hands the live entity on.
 *
 * <p><b>Previous state.</b> For an entity of a type some config reads the previous state of (a condition, a
 * template naming {@code previous} or {@code changed_fields}, the default payload) it also keeps, in {@link
 * PreviousStates} (a resource of the transaction, not a field of the entity), a shallow snapshot of the
 * state the entity was loaded with; an update or delete reports it as {@code previous}, and after each flush of an update or
 * insert the flushed state takes its place. An entity changed in two flushes of one transaction thus gives
 * one delivery per flush, each with the state of the flush before as {@code previous}; changed twice before
 * one flush, it gives one. The snapshot is shallow — referenced entities by type and id — because at
 * {@code @PostLoad} the references may not be wired yet, and because changes to a reference are told by its id.
 */
public class EntityChangeListener {

    @Inject
    ActiveTriggers activeTriggers;

    @Inject
    EntitySnapshotter snapshotter;

    @Inject
    PreviousStates previousStates;

    @Inject
    Event<EntityChange> changes;

    @PostLoad
    void postLoad(Object entity) {
        keepPreviousState(entity, null);
    }

    @PrePersist
    void prePersist(Object entity) {
        capture(entity, Signal.PRE_SAVE, Operation.CREATE, false);
    }

    @PostPersist
    void postPersist(Object entity) {
        keepPreviousState(entity, capture(entity, Signal.POST_SAVE, Operation.CREATE, false));
    }

    @PreUpdate
    void preUpdate(Object entity) {
        capture(entity, Signal.PRE_SAVE, Operation.UPDATE, true);
    }

    @PostUpdate
    void postUpdate(Object entity) {
        keepPreviousState(entity, capture(entity, Signal.POST_SAVE, Operation.UPDATE, true));
    }

    @PreRemove
    void preRemove(Object entity) {
        capture(entity, Signal.PRE_DELETE, Operation.DELETE, true);
    }

    @PostRemove
    void postRemove(Object entity) {
        capture(entity, Signal.POST_DELETE, Operation.DELETE, true);
        if (activeTriggers.keepsPreviousStateOf(EntityTypes.nameOf(entity.getClass()))) {
            previousStates.forget(entity);
        }
    }

    /**
     * Raises the change when a config watches this signal of the entity's type.
     *
     * @return the snapshot the change carries, or {@code null} when nothing watches it
     */
    private EntitySnapshot capture(Object entity, Signal signal, Operation operation, boolean withPrevious) {
        if (!activeTriggers.isWatched(EntityTypes.nameOf(entity.getClass()), signal)) {
            return null;
        }
        EntitySnapshot previous = withPrevious ? previousStates.of(entity) : null;
        EntitySnapshot snapshot = snapshotter.snapshot(entity);
        changes.fire(new EntityChange(signal, operation, snapshot, previous, Instant.now()));
        return snapshot;
    }

    /**
     * Keeps the entity's state as its next change's previous one, when a config of its type reads it: the
     * snapshot a change just took of the flushed state when there is one (it is the same state, read deeper),
     * else a shallow one.
     */
    private void keepPreviousState(Object entity, EntitySnapshot taken) {
        if (activeTriggers.keepsPreviousStateOf(EntityTypes.nameOf(entity.getClass()))
                && previousStates.inTransaction()) {
            previousStates.remember(entity, taken != null ? taken : snapshotter.shallowSnapshot(entity));
        }
    }
}
