package org.actiontriggers.capture;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.PersistenceUnitUtil;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.actiontriggers.settings.ApplicationUnit;
import org.actiontriggers.trigger.ActiveTriggers;
import org.actiontriggers.trigger.Signal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The listener's previous-state bookkeeping, driven callback by callback as a provider would call it: what an
 * update or delete reports as {@code previous}, per flush, and that unwatched types and work outside a
 * transaction keep nothing.
 */
class PreviousStatesTest {

    @Entity
    static class Order {
        @Id
        Long id;

        String status;
        int quantity;

        @ManyToOne
        Client client;

        Order(Long id, String status, int quantity, Client client) {
            this.id = id;
            this.status = status;
            this.quantity = quantity;
            this.client = client;
        }
    }

    @Entity
    static class Client {
        @Id
        Long id;

        String name;

        Client(Long id, String name) {
            this.id = id;
            this.name = name;
        }
    }

    /** An entity type no config watches. */
    @Entity
    static class Note {
        @Id
        Long id;

        String text;

        Note(Long id, String text) {
            this.id = id;
            this.text = text;
        }
    }

    private final Transactions transactions = new Transactions();
    private final Watched watched = new Watched();
    private final Changes changes = new Changes();
    private final Loaded loaded = new Loaded();
    private EntityChangeListener listener;

    @BeforeEach
    void wire() {
        EntitySnapshotter snapshotter = new EntitySnapshotter();
        snapshotter.applicationUnit = new ApplicationUnit() {
            @Override
            public PersistenceUnitUtil util() {
                return loaded;
            }
        };
        PreviousStates states = new PreviousStates();
        states.transactions = transactions;
        listener = new EntityChangeListener();
        listener.activeTriggers = watched;
        listener.snapshotter = snapshotter;
        listener.previousStates = states;
        listener.changes = changes;
        watched.signals.put("Order", Set.of(Signal.PRE_SAVE, Signal.POST_SAVE, Signal.POST_DELETE));
        transactions.begin();
    }

    private final Client ada = new Client(1L, "Ada");

    @Test
    void anUpdateReportsTheStateTheEntityWasLoadedWith() {
        Order order = new Order(7L, "new", 1, ada);
        listener.postLoad(order);

        order.status = "in_progress";
        listener.preUpdate(order);
        listener.postUpdate(order);

        assertThat(changes.fired).hasSize(2);
        for (EntityChange change : changes.fired) {
            assertThat(change.previous().properties()).containsEntry("status", "new");
            assertThat(change.snapshot().properties()).containsEntry("status", "in_progress");
            assertThat(change.changedFields()).containsExactly("status");
        }
    }

    @Test
    void twoFlushesInOneTransactionGiveOneChangeEachWithTheStateOfTheFlushBefore() {
        Order order = new Order(7L, "new", 1, ada);
        listener.postLoad(order);

        order.status = "in_progress";
        listener.postUpdate(order);
        order.status = "completed";
        order.quantity = 2;
        listener.postUpdate(order);

        List<EntityChange> posts = changes.of(Signal.POST_SAVE);
        assertThat(posts).hasSize(2);
        assertThat(posts.get(0).previous().properties()).containsEntry("status", "new");
        assertThat(posts.get(0).changedFields()).containsExactly("status");
        assertThat(posts.get(1).previous().properties()).containsEntry("status", "in_progress");
        assertThat(posts.get(1).changedFields()).containsExactly("status", "quantity");
    }

    @Test
    void aCreateFlushedThenChangedReportsTheInsertedStateAsPrevious() {
        Order order = new Order(8L, "new", 1, ada);
        listener.prePersist(order);
        listener.postPersist(order);
        assertThat(changes.fired)
                .allMatch(c -> c.previous() == null && c.changedFields().isEmpty());

        order.status = "in_progress";
        listener.postUpdate(order);

        EntityChange update = changes.of(Signal.POST_SAVE).get(1);
        assertThat(update.previous().properties()).containsEntry("status", "new");
        assertThat(update.changedFields()).containsExactly("status");
    }

    @Test
    void aDeleteReportsThePreviousStateAndForgetsIt() {
        Order order = new Order(7L, "new", 1, ada);
        listener.postLoad(order);
        order.quantity = 5;

        listener.preRemove(order);
        listener.postRemove(order);

        EntityChange delete = changes.of(Signal.POST_DELETE).get(0);
        assertThat(delete.previous().properties()).containsEntry("quantity", 1);
        assertThat(delete.changedFields()).containsExactly("quantity");
        assertThat(transactions.states()).isEmpty();
    }

    @Test
    void thePreviousStateHoldsReferencesByIdAndAnUnchangedReferenceIsNoChange() {
        Order order = new Order(7L, "new", 1, ada);
        listener.postLoad(order);

        order.quantity = 2;
        listener.postUpdate(order);

        EntityChange change = changes.of(Signal.POST_SAVE).get(0);
        EntitySnapshot previousClient =
                (EntitySnapshot) change.previous().properties().get("client");
        assertThat(previousClient.complete()).isFalse();
        assertThat(previousClient.id()).isEqualTo(1L);
        assertThat(((EntitySnapshot) change.snapshot().properties().get("client")).properties())
                .containsEntry("name", "Ada");
        assertThat(change.changedFields()).containsExactly("quantity");

        order.client = new Client(2L, "Bob");
        listener.postUpdate(order);
        EntityChange second = changes.of(Signal.POST_SAVE).get(1);
        assertThat(second.changedFields()).containsExactly("client");
        // the state kept after the first flush was that change's deep snapshot; as previous it is shallow again
        EntitySnapshot keptClient =
                (EntitySnapshot) second.previous().properties().get("client");
        assertThat(keptClient.complete()).isFalse();
        assertThat(keptClient.id()).isEqualTo(1L);
    }

    @Test
    void aReferenceThatIsNotLoadedIsNeitherReadNorAChange() {
        Order order = new Order(7L, "new", 1, null);
        loaded.notLoaded.add("client");
        listener.postLoad(order);

        order.status = "completed";
        listener.postUpdate(order);

        EntityChange change = changes.of(Signal.POST_SAVE).get(0);
        assertThat(change.previous().properties()).doesNotContainKey("client");
        assertThat(change.snapshot().properties()).doesNotContainKey("client");
        assertThat(change.changedFields()).containsExactly("status");
    }

    @Test
    void withoutATransactionNothingIsKeptAndAChangeHasNoPreviousState() {
        transactions.end();
        Order order = new Order(7L, "new", 1, ada);
        listener.postLoad(order);

        order.status = "completed";
        listener.postUpdate(order);

        EntityChange change = changes.of(Signal.POST_SAVE).get(0);
        assertThat(change.previous()).isNull();
        assertThat(change.changedFields()).isEmpty();
        assertThat(transactions.resources).isEmpty();
    }

    @Test
    void anUnwatchedTypeKeepsNothingAndIsNeverRead() {
        Note note = new Note(3L, "hello");
        loaded.reads = 0;

        listener.postLoad(note);
        note.text = "changed";
        listener.preUpdate(note);
        listener.postUpdate(note);
        listener.preRemove(note);
        listener.postRemove(note);

        assertThat(changes.fired).isEmpty();
        assertThat(transactions.resources).isEmpty();
        assertThat(loaded.reads).isZero();
    }

    @Test
    void aTransactionOfItsOwnStartsWithoutTheStatesOfTheLastOne() {
        Order order = new Order(7L, "new", 1, ada);
        listener.postLoad(order);
        transactions.end();
        transactions.begin();

        order.status = "completed";
        listener.postUpdate(order);

        assertThat(changes.of(Signal.POST_SAVE).get(0).previous()).isNull();
    }

    /** Which types and signals active configs watch. */
    static final class Watched extends ActiveTriggers {
        final Map<String, Set<Signal>> signals = new HashMap<>();

        @Override
        public boolean isWatched(String entityType) {
            return signals.containsKey(entityType);
        }

        @Override
        public boolean isWatched(String entityType, Signal signal) {
            return signals.getOrDefault(entityType, Set.of()).contains(signal);
        }

        /** As if each watched type had a config reading the previous state (the default payload does). */
        @Override
        public boolean keepsPreviousStateOf(String entityType) {
            return signals.containsKey(entityType);
        }
    }

    /** Everything loaded but the named attributes; counts the reads. */
    static final class Loaded implements PersistenceUnitUtil {
        final List<String> notLoaded = new ArrayList<>();
        int reads;

        @Override
        public boolean isLoaded(Object entity, String attributeName) {
            reads++;
            return !notLoaded.contains(attributeName);
        }

        @Override
        public boolean isLoaded(Object entity) {
            reads++;
            return true;
        }

        @Override
        public Object getIdentifier(Object entity) {
            if (entity instanceof Order o) {
                return o.id;
            }
            if (entity instanceof Client c) {
                return c.id;
            }
            return ((Note) entity).id;
        }
    }

    /** One transaction at a time, its resources dropped when it ends. */
    static final class Transactions implements TransactionSynchronizationRegistry {
        final Map<Object, Object> resources = new HashMap<>();
        private Object key;

        void begin() {
            key = new Object();
        }

        void end() {
            key = null;
            resources.clear();
        }

        @SuppressWarnings("unchecked")
        Map<Object, EntitySnapshot> states() {
            return (Map<Object, EntitySnapshot>) resources.get(PreviousStates.class.getName());
        }

        @Override
        public Object getTransactionKey() {
            return key;
        }

        @Override
        public void putResource(Object k, Object value) {
            resources.put(k, value);
        }

        @Override
        public Object getResource(Object k) {
            return resources.get(k);
        }

        @Override
        public void registerInterposedSynchronization(Synchronization sync) {}

        @Override
        public int getTransactionStatus() {
            return key == null ? Status.STATUS_NO_TRANSACTION : Status.STATUS_ACTIVE;
        }

        @Override
        public void setRollbackOnly() {}

        @Override
        public boolean getRollbackOnly() {
            return false;
        }
    }

    /** The fired changes, in order. */
    static final class Changes implements Event<EntityChange> {
        final List<EntityChange> fired = new ArrayList<>();

        List<EntityChange> of(Signal signal) {
            return fired.stream().filter(c -> c.signal() == signal).toList();
        }

        @Override
        public void fire(EntityChange event) {
            fired.add(event);
        }

        @Override
        public <U extends EntityChange> CompletionStage<U> fireAsync(U event) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends EntityChange> CompletionStage<U> fireAsync(U event, NotificationOptions options) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Event<EntityChange> select(Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends EntityChange> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends EntityChange> Event<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }
    }
}
