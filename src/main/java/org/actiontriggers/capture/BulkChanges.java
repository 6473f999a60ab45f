package org.actiontriggers.capture;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.CacheRetrieveMode;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.actiontriggers.capture.EntityChange.Operation;
import org.actiontriggers.settings.ApplicationUnit;
import org.actiontriggers.trigger.ActiveTriggers;
import org.actiontriggers.trigger.Signal;

/**
 * For application code that changes rows with a bulk JPQL/Criteria or SQL {@code UPDATE} or {@code DELETE}:
 * such statements bypass entity listeners (JPA spec), so their changes are recorded only when the code says
 * which rows it touched.
 *
 * <pre>{@code
 * @Inject BulkChanges bulk;
 *
 * em.createQuery("UPDATE Sale s SET s.status = 'completed' WHERE s.id IN :ids").setParameter("ids", ids).executeUpdate();
 * bulk.updated(Sale.class, ids);          // after the statement: rendered from the rows as they are now
 *
 * bulk.deleting(Sale.class, ids);         // before the statement: the rows as they are before it
 * em.createQuery("DELETE FROM Sale s WHERE s.id IN :ids").setParameter("ids", ids).executeUpdate();
 * }</pre>
 *
 * <p>Each call records, in the caller's transaction, one delivery per row per matching config — exactly what
 * saving or removing each entity would have recorded, through the same {@link EntityChange} event — and
 * nothing when the transaction rolls back. The entities are read through the application's persistence unit,
 * joined to the caller's transaction and with a pessimistic read lock: the lock is what makes every provider
 * read through the transaction's own connection, and so see the statement's uncommitted rows (EclipseLink
 * otherwise reads through a connection of its own until the persistence context writes), past the shared
 * cache, which a bulk statement leaves stale. The rows are locked by the statement anyway (an update), or
 * are about to be (a delete), so the lock costs no extra waiting and keeps them from changing in between. An update has no {@code previous} state (it was never loaded);
 * a delete has the state read before the statement. Ids without a row are skipped. For a type no active config
 * watches, a call returns at once without reading anything.
 */
@ApplicationScoped
public class BulkChanges {

    private static final Map<String, Object> FROM_DATABASE =
            Map.of("jakarta.persistence.cache.retrieveMode", CacheRetrieveMode.BYPASS);

    @Inject
    ApplicationUnit applicationUnit;

    @Inject
    EntitySnapshotter snapshotter;

    @Inject
    ActiveTriggers activeTriggers;

    @Inject
    Event<EntityChange> changes;

    @Resource
    TransactionSynchronizationRegistry transactions;

    /**
     * Records an update of each row, as it is now: call it after the bulk statement, in its transaction.
     *
     * @return how many entities were found and recorded
     * @throws IllegalStateException without an active transaction
     */
    public int updated(Class<?> entityClass, Collection<?> ids) {
        return record(entityClass, ids, Operation.UPDATE, List.of(Signal.PRE_SAVE, Signal.POST_SAVE));
    }

    /**
     * Records a delete of each row, as it is now: call it before the bulk statement, in its transaction.
     *
     * @return how many entities were found and recorded
     * @throws IllegalStateException without an active transaction
     */
    public int deleting(Class<?> entityClass, Collection<?> ids) {
        return record(entityClass, ids, Operation.DELETE, List.of(Signal.PRE_DELETE, Signal.POST_DELETE));
    }

    private int record(Class<?> entityClass, Collection<?> ids, Operation operation, List<Signal> signals) {
        if (transactions.getTransactionKey() == null || transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            throw new IllegalStateException("BulkChanges records in the caller's transaction: call it inside an"
                    + " active JTA transaction (a @Transactional method, an EJB), with the bulk statement");
        }
        String type = EntityTypes.nameOf(entityClass);
        List<Signal> watched = signals.stream()
                .filter(signal -> activeTriggers.isWatched(type, signal))
                .toList();
        if (watched.isEmpty() || ids == null || ids.isEmpty()) {
            return 0;
        }
        int recorded = 0;
        try (EntityManager em = applicationUnit.createEntityManager()) {
            em.joinTransaction();
            for (Object id : ids) {
                Object entity = em.find(entityClass, id, LockModeType.PESSIMISTIC_READ, FROM_DATABASE);
                if (entity == null) {
                    continue;
                }
                EntitySnapshot snapshot = snapshotter.snapshot(entity);
                EntitySnapshot previous = operation == Operation.DELETE ? snapshotter.shallowSnapshot(entity) : null;
                Instant now = Instant.now();
                for (Signal signal : watched) {
                    changes.fire(new EntityChange(signal, operation, snapshot, previous, now));
                }
                recorded++;
            }
        }
        return recorded;
    }
}
