package org.actiontriggers.deliver.broker;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * The shared broker clients: one per effective connection (broker type plus connection details after a
 * queue's overrides), opened on first use and then reused by every delivery — DAT opens a connection per
 * message. A client found disconnected after a failed publish is closed and dropped, so the next round opens
 * a fresh one (re-established after a broker restart); all are closed when the application stops.
 */
@ApplicationScoped
public class BrokerConnections {

    private static final Logger LOG = Logger.getLogger(BrokerConnections.class.getName());

    private final Map<Key, BrokerClient> clients = new ConcurrentHashMap<>();
    /** Clients seen connected at least once: before that, "not connected" may only mean "connects on first use". */
    private final Set<BrokerClient> seenConnected = ConcurrentHashMap.newKeySet();

    /** What readiness says of one broker. */
    public enum State {
        /** Connected now. */
        UP,
        /** A client that connects on its first message (NATS, MQTT, Kafka) and has not had one yet. */
        IDLE,
        /** Cannot connect, or lost its connection. */
        DOWN
    }

    private volatile boolean closed;

    /**
     * The client for this connection, opened now if there is none.
     *
     * @param broker the broker's name, for messages only
     * @throws BrokerException retryable when the broker cannot be reached; not retryable when the connection
     *     details are wrong
     */
    public BrokerClient clientFor(String broker, BrokerType type, Map<String, String> conn) throws BrokerException {
        if (closed) {
            throw new BrokerException("the application is shutting down", true, null);
        }
        Key key = new Key(type, conn);
        BrokerClient client = clients.get(key);
        if (client != null) {
            return client;
        }
        try {
            return clients.computeIfAbsent(key, k -> {
                BrokerClient opened = type.connect(k.conn);
                LOG.info(() -> "Connected to broker '" + broker + "' (" + type.value() + ")");
                return opened;
            });
        } catch (IllegalArgumentException e) {
            throw new BrokerException("broker '" + broker + "': " + e.getMessage(), false, e);
        } catch (RuntimeException e) {
            throw new BrokerException("cannot connect to broker '" + broker + "': " + e.getMessage(), true, e);
        }
    }

    /** After a failed publish: drops the client if its connection is gone, so the next use reconnects. */
    public void dropIfDisconnected(String broker, BrokerType type, Map<String, String> conn) {
        Key key = new Key(type, conn);
        BrokerClient client = clients.get(key);
        if (client != null && !client.isConnected() && clients.remove(key, client)) {
            LOG.info(() -> "Lost the connection to broker '" + broker + "'; the next delivery reconnects");
            seenConnected.remove(client);
            client.close();
        }
    }

    /** How the client of this connection is doing; opens one if there is none yet. */
    public State state(String broker, BrokerType type, Map<String, String> conn) {
        try {
            BrokerClient client = clientFor(broker, type, conn);
            if (client.isConnected()) {
                seenConnected.add(client);
                return State.UP;
            }
            return seenConnected.contains(client) ? State.DOWN : State.IDLE;
        } catch (BrokerException e) {
            return State.DOWN;
        }
    }

    /** After a publish the broker acknowledged: the client has been connected. */
    void acknowledged(BrokerClient client) {
        seenConnected.add(client);
    }

    @PreDestroy
    void closeAll() {
        closed = true;
        clients.forEach((key, client) -> client.close());
        clients.clear();
        seenConnected.clear();
    }

    /** Type and connection details; its {@code toString} leaves the values out (a password is among them). */
    private static final class Key {
        private final BrokerType type;
        private final Map<String, String> conn;

        Key(BrokerType type, Map<String, String> conn) {
            this.type = type;
            this.conn = Map.copyOf(new TreeMap<>(conn));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key k && k.type == type && k.conn.equals(conn);
        }

        @Override
        public int hashCode() {
            return Objects.hash(type, conn);
        }

        @Override
        public String toString() {
            return type.value() + " " + conn.keySet();
        }
    }
}
