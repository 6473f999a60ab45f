package org.actiontriggers.deliver.broker;

import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.internal.MqttConnectionState;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.eclipse.paho.mqttv5.common.packet.UserProperty;

/**
 * MQTT 5 through Eclipse Paho ({@code org.eclipse.paho.mqttv5.client}): one client connection per effective
 * connection, shared by all deliveries; messages go out with QoS 1 and {@link #publish} returns after the
 * broker's PUBACK.
 *
 * <p>MQTT 5 rather than 3.1.1 because 3.1.1 has no headers: the delivery id and the other metadata travel as
 * MQTT 5 user properties ({@code action-triggers-delivery-id}, {@code -signal}, {@code -entity-type}, {@code
 * -entity-id}) and the content type as the content-type property; the payload is the rendered body, unwrapped.
 * The broker must speak MQTT 5 (Mosquitto 2 does).
 *
 * <p>{@code conn} keys: {@code host} (required), {@code port} (1883, or 8883 with TLS), {@code tls} ({@code
 * true}/{@code false}; trusts the JVM's default trust store), {@code client_id} (default: {@code
 * action-triggers-} and a random suffix; must be unique on the broker, so never share one between application
 * instances), {@code username} and {@code password} (secret).
 *
 * <p>{@code params}: {@code topic} (required; no wildcards), {@code qos} (optional; only {@code 1}).
 *
 * <p>The connection is opened by the first publish, with a clean start and in-memory state only. Once it was
 * up, Paho reconnects by itself after a loss (every 1 to 5 s); a publish while it is away fails at once
 * (retryable). QoS 1 means at least once: consumers deduplicate on the delivery id.
 */
public final class MqttBrokerClient implements BrokerClient {

    public static final Set<String> REQUIRED_CONN = Set.of("host");
    public static final Set<String> ALLOWED_CONN = Set.of("host", "port", "tls", "client_id", "username", "password");
    /** Keys whose values are secrets: never logged or shown. */
    public static final Set<String> SECRET_CONN = Set.of("password");

    public static final Set<String> REQUIRED_PARAMS = Set.of("topic");
    public static final Set<String> ALLOWED_PARAMS = Set.of("topic", "qos");

    private static final Logger LOG = Logger.getLogger(MqttBrokerClient.class.getName());
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    private static final Field CONNECTION_STATE = connectionStateField();

    static {
        LibraryLogging.quiet("org.eclipse.paho");
    }

    private final String serverUri;
    private final MqttAsyncClient client;
    private final MqttConnectionOptions options;
    private final Object connecting = new Object();
    /** Fewer concurrent publishes than Mosquitto's default receive maximum (20), so Paho's window rarely fills. */
    private final Semaphore publishing = new Semaphore(10, true);

    private volatile boolean everConnected;
    private volatile boolean closed;

    /**
     * Validates {@code conn}; the connection is opened by the first publish.
     *
     * @throws IllegalArgumentException naming the missing, unknown or malformed key
     */
    public MqttBrokerClient(Map<String, String> conn) {
        String what = "mqtt conn";
        ConnKeys.requireKnown(what, conn, ALLOWED_CONN);
        String host = ConnKeys.required(what, conn, "host");
        if (host.contains("/") || host.contains(" ") || host.contains("@")) {
            throw new IllegalArgumentException(what + ": 'host' must be a host name or address, not a URL");
        }
        boolean tls = ConnKeys.bool(what, conn, "tls", false);
        int port = ConnKeys.integer(what, conn, "port", tls ? 8883 : 1883, 1, 65535);
        String clientId = ConnKeys.optional(conn, "client_id");
        if (clientId == null) {
            clientId = "action-triggers-" + UUID.randomUUID().toString().substring(0, 8);
        }
        String username = ConnKeys.optional(conn, "username");
        String password = ConnKeys.optional(conn, "password");
        if (password != null && username == null) {
            throw new IllegalArgumentException(what + ": 'password' needs 'username'");
        }
        String hostPart = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        this.serverUri = (tls ? "ssl://" : "tcp://") + hostPart + ":" + port;
        this.options = new MqttConnectionOptions();
        options.setCleanStart(true);
        options.setSessionExpiryInterval(0L);
        options.setAutomaticReconnect(true);
        options.setAutomaticReconnectDelay(1, 5);
        options.setKeepAliveInterval(30);
        if (username != null) {
            options.setUserName(username);
        }
        if (password != null) {
            options.setPassword(password.getBytes(StandardCharsets.UTF_8));
        }
        try {
            this.client = new MqttAsyncClient(serverUri, clientId, new MemoryPersistence());
        } catch (MqttException | IllegalArgumentException e) {
            throw new IllegalArgumentException(what + ": 'host'/'port'/'client_id' rejected: " + e.getMessage(), e);
        }
        client.setCallback(new ConnectionLog());
    }

    @Override
    public void publish(BrokerMessage message) throws BrokerException {
        Map<String, String> params = message.parameters() == null ? Map.of() : message.parameters();
        String topic = params.get("topic");
        if (topic == null || topic.isBlank()) {
            throw new BrokerException("mqtt params: 'topic' is required", false, null);
        }
        String qos = params.get("qos");
        if (qos != null && !qos.strip().equals("1")) {
            throw new BrokerException("mqtt params: 'qos' must be 1", false, null);
        }
        if (topic.contains("+") || topic.contains("#")) {
            throw new BrokerException("mqtt params: 'topic' must not contain the wildcards + or #", false, null);
        }
        Duration timeout = message.timeout() == null
                        || message.timeout().isZero()
                        || message.timeout().isNegative()
                ? DEFAULT_TIMEOUT
                : message.timeout();
        connectFirstTime(timeout);
        if (!client.isConnected()) {
            throw new BrokerException(
                    "MQTT broker at " + serverUri + " is not connected; delivery " + message.deliveryId() + " not sent",
                    true,
                    null);
        }
        MqttMessage mqttMessage = new MqttMessage(message.body() == null ? new byte[0] : message.body());
        mqttMessage.setQos(1);
        MqttProperties properties = new MqttProperties();
        List<UserProperty> userProperties = new ArrayList<>();
        message.headers().forEach((name, value) -> userProperties.add(new UserProperty(name, value)));
        properties.setUserProperties(userProperties);
        if (message.contentType() != null) {
            properties.setContentType(message.contentType());
        }
        mqttMessage.setProperties(properties);
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            if (!publishing.tryAcquire(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new BrokerException(
                        "MQTT client for " + serverUri + " had no free publish slot within " + timeout.toMillis()
                                + " ms; delivery " + message.deliveryId() + " not sent",
                        true,
                        null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerException("Interrupted while waiting to publish to MQTT", true, e);
        }
        try {
            IMqttToken token = sendWhenPahoHasRoom(topic, mqttMessage, deadline);
            token.waitForCompletion(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            int[] reasons = token.getReasonCodes();
            if (reasons != null && reasons.length > 0 && reasons[0] >= 0x80) {
                throw refused(message, topic, reasons[0], null);
            }
        } catch (MqttException e) {
            int code = e.getReasonCode();
            if (code >= 0x80 && code < 0x100) {
                throw refused(message, topic, code, e);
            }
            String what = code == MqttClientException.REASON_CODE_CLIENT_TIMEOUT
                    ? "did not acknowledge delivery " + message.deliveryId() + " within " + timeout.toMillis() + " ms"
                    : "failed delivery " + message.deliveryId() + ": " + e.getMessage();
            throw new BrokerException("MQTT broker at " + serverUri + " " + what + " (topic '" + topic + "')", true, e);
        } catch (IllegalArgumentException e) {
            throw new BrokerException("mqtt params: 'topic' is not a valid MQTT topic: " + e.getMessage(), false, e);
        } finally {
            publishing.release();
        }
    }

    /**
     * Hands the message to Paho, waiting while Paho counts too many publishes in flight. Paho 1.2.5 completes a
     * publish before it frees the publish's in-flight slot (eclipse-paho/paho.mqtt.java#551, #993), so even
     * one thread publishing in a loop runs into "Too many publishes in progress" (32202) now and then; the slot
     * is freed a moment later.
     */
    private IMqttToken sendWhenPahoHasRoom(String topic, MqttMessage mqttMessage, long deadline) throws MqttException {
        long pause = TimeUnit.MICROSECONDS.toNanos(200);
        while (true) {
            try {
                disableOutgoingTopicAliases();
                return client.publish(topic, mqttMessage);
            } catch (MqttException e) {
                if (e.getReasonCode() != MqttClientException.REASON_CODE_MAX_INFLIGHT
                        || System.nanoTime() + pause > deadline) {
                    throw e;
                }
                LockSupport.parkNanos(pause);
                pause = Math.min(pause * 2, TimeUnit.MILLISECONDS.toNanos(20));
            }
        }
    }

    /**
     * Turns off Paho's automatic outgoing topic aliases. Paho 1.2.5 gives a topic an alias as soon as the broker
     * allows aliases (Mosquitto allows 10) and from then on sends that topic's messages with the alias alone; but
     * it records the alias before the message that introduces it is sent, so a concurrent publish, or one after
     * a refused "too many publishes" attempt, can reach the broker with an alias the broker never saw, and
     * Mosquitto drops the connection for a protocol error (seen here with 8 threads). Paho offers no switch, so
     * the limit the broker sent is overwritten through the client's internal connection state; it is written
     * again before every publish because every (re)connect reads it from the broker anew.
     */
    private void disableOutgoingTopicAliases() {
        if (CONNECTION_STATE == null) {
            return;
        }
        try {
            Object state = CONNECTION_STATE.get(client);
            if (state instanceof MqttConnectionState connectionState) {
                connectionState.setOutgoingTopicAliasMaximum(0);
            }
        } catch (IllegalAccessException | RuntimeException e) {
            LOG.log(Level.FINE, "Cannot turn off Paho's outgoing topic aliases", e);
        }
    }

    private static Field connectionStateField() {
        try {
            Field field = MqttAsyncClient.class.getDeclaredField("mqttConnection");
            field.setAccessible(true);
            return field;
        } catch (ReflectiveOperationException | RuntimeException e) {
            Logger.getLogger(MqttBrokerClient.class.getName())
                    .warning("This Paho version hides its connection state; concurrent MQTT publishes may fail");
            return null;
        }
    }

    /** A PUBACK with an error reason: the broker refused this message; only "busy" and "quota" may pass later. */
    private BrokerException refused(BrokerMessage message, String topic, int reason, Throwable cause) {
        boolean retryable = reason == 0x80 || reason == 0x89 || reason == 0x97;
        return new BrokerException(
                "MQTT broker at " + serverUri + " refused delivery " + message.deliveryId() + " to topic '" + topic
                        + "' with reason code 0x" + Integer.toHexString(reason),
                retryable,
                cause);
    }

    /**
     * Opens the connection on first use. Later losses are Paho's to repair (automatic reconnect), and asking it to
     * connect while it reconnects would fail, so this only ever runs until one connect succeeded.
     */
    private void connectFirstTime(Duration timeout) throws BrokerException {
        if (closed) {
            throw new BrokerException("MQTT client for " + serverUri + " is closed", true, null);
        }
        if (everConnected) {
            return;
        }
        synchronized (connecting) {
            if (everConnected || client.isConnected()) {
                // a connect that outlived an earlier publish's wait may have completed since
                everConnected = true;
                return;
            }
            options.setConnectionTimeout((int) Math.max(1, Math.min(timeout.toSeconds(), 30)));
            try {
                client.connect(options).waitForCompletion(timeout.toMillis());
                everConnected = true;
            } catch (MqttException e) {
                // also a refused login: the connection, not the message, was refused
                throw new BrokerException(
                        "Cannot connect to the MQTT broker at " + serverUri + ": " + e.getMessage(), true, e);
            }
        }
    }

    @Override
    public boolean isConnected() {
        return !closed && client.isConnected();
    }

    @Override
    public void close() {
        closed = true;
        try {
            if (client.isConnected()) {
                client.disconnect(1000).waitForCompletion(2000);
            }
        } catch (MqttException | RuntimeException e) {
            LOG.log(Level.FINE, "Disconnecting from the MQTT broker failed", e);
        }
        try {
            client.close(true);
        } catch (MqttException | RuntimeException e) {
            LOG.log(Level.FINE, "Closing the MQTT client failed", e);
        }
    }

    /** Reports losing and regaining the connection once each, in our words and without the library's noise. */
    private final class ConnectionLog implements MqttCallback {
        @Override
        public void disconnected(MqttDisconnectResponse response) {
            if (!closed) {
                LOG.warning(() -> "Lost the connection to the MQTT broker at " + serverUri + "; reconnecting");
            }
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
            LOG.fine(() -> "MQTT error: " + exception);
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            // publish-only client: never subscribes
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
            // publish() waits on the token itself
        }

        @Override
        public void connectComplete(boolean reconnect, String serverURI) {
            if (reconnect) {
                LOG.info(() -> "Reconnected to the MQTT broker at " + serverUri);
            }
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
            // no enhanced authentication
        }
    }
}
