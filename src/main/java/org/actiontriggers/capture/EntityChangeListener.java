package org.actiontriggers.capture;

import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
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
 * The one default entity listener, declared in {@code META-INF/action-triggers-orm.xml}: it sees every persist, update and
 * remove of every entity, so the application's entity classes need nothing of ours.
 *
 * <p>For a change some active config watches it takes a snapshot and raises an {@link EntityChange}; for any
 * other it returns after one hash lookup. It never touches the network and never hands the live entity on.
 */
public class EntityChangeListener {

    @Inject
    ActiveTriggers activeTriggers;

    @Inject
    EntitySnapshotter snapshotter;

    @Inject
    Event<EntityChange> changes;

    @PrePersist
    void prePersist(Object entity) {
        capture(entity, Signal.PRE_SAVE, Operation.CREATE);
    }

    @PostPersist
    void postPersist(Object entity) {
        capture(entity, Signal.POST_SAVE, Operation.CREATE);
    }

    @PreUpdate
    void preUpdate(Object entity) {
        capture(entity, Signal.PRE_SAVE, Operation.UPDATE);
    }

    @PostUpdate
    void postUpdate(Object entity) {
        capture(entity, Signal.POST_SAVE, Operation.UPDATE);
    }

    @PreRemove
    void preRemove(Object entity) {
        capture(entity, Signal.PRE_DELETE, Operation.DELETE);
    }

    @PostRemove
    void postRemove(Object entity) {
        capture(entity, Signal.POST_DELETE, Operation.DELETE);
    }

    private void capture(Object entity, Signal signal, Operation operation) {
        if (!activeTriggers.isWatched(EntityTypes.nameOf(entity.getClass()), signal)) {
            return;
        }
        changes.fire(new EntityChange(signal, operation, snapshotter.snapshot(entity), Instant.now()));
    }
}
