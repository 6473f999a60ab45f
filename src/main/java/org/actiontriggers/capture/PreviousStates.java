package org.actiontriggers.capture;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The state each watched entity had when it was loaded, or last flushed, in the current transaction: what
 * an update or delete reports as {@code previous}.
 *
 * <p>Kept outside the entity, as a resource of the JTA transaction ({@link TransactionSynchronizationRegistry}):
 * an {@link IdentityHashMap} keyed by the managed instance, which the transaction manager drops when the
 * transaction ends. Without a transaction nothing is kept, and a change then has no previous state. Only the
 * listener's thread touches the map (a transaction runs on one thread at a time), so it is not synchronized.
 */
@ApplicationScoped
class PreviousStates {

    private static final Object KEY = PreviousStates.class.getName();

    @Resource
    TransactionSynchronizationRegistry transactions;

    /** Whether a transaction is there to keep states in. */
    boolean inTransaction() {
        return transactions.getTransactionKey() != null;
    }

    /** Keeps the entity's state as the one its next change starts from; does nothing without a transaction. */
    void remember(Object entity, EntitySnapshot state) {
        Map<Object, EntitySnapshot> states = states(true);
        if (states != null) {
            states.put(entity, state);
        }
    }

    /**
     * The state the entity had when loaded or last flushed in this transaction, references by id ({@link
     * EntitySnapshot#shallow()}); {@code null} when none was kept.
     */
    EntitySnapshot of(Object entity) {
        Map<Object, EntitySnapshot> states = states(false);
        EntitySnapshot state = states == null ? null : states.get(entity);
        return state == null ? null : state.shallow();
    }

    /** Forgets a removed entity. */
    void forget(Object entity) {
        Map<Object, EntitySnapshot> states = states(false);
        if (states != null) {
            states.remove(entity);
        }
    }

    @SuppressWarnings("unchecked")
    private Map<Object, EntitySnapshot> states(boolean create) {
        if (transactions.getTransactionKey() == null) {
            return null;
        }
        Map<Object, EntitySnapshot> states = (Map<Object, EntitySnapshot>) transactions.getResource(KEY);
        if (states == null && create) {
            states = new IdentityHashMap<>();
            transactions.putResource(KEY, states);
        }
        return states;
    }
}
