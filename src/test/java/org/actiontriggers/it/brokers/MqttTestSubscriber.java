package org.actiontriggers.it.brokers;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.eclipse.paho.mqttv5.common.packet.UserProperty;

/**
 * A real MQTT 5 subscriber (Paho) on one topic filter with QoS 1 and a persistent session, so the broker
 * queues messages while the subscriber is away, also across a broker restart (Mosquitto saves the session and its
 * subscription; on {@link MosquittoTestBroker} its ACL lets them through). It reconnects by itself and subscribes
 * again after every reconnect, in case a broker lost the session. Headers are the MQTT 5 user properties plus
 * {@code content-type}. Close it after use (that ends the session).
 *
 * <pre>{@code
 * try (var subscriber = new MqttTestSubscriber("127.0.0.1", 1883, "sales/created")) {
 *     List<ReceivedMessage> got = subscriber.awaitMessages(3, Duration.ofSeconds(30));
 * }
 * }</pre>
 */
public final class MqttTestSubscriber implements AutoCloseable {

    private final MqttAsyncClient client;
    private final String topicFilter;
    private final BlockingQueue<ReceivedMessage> arrived = new LinkedBlockingQueue<>();
    private final List<ReceivedMessage> received = new ArrayList<>();

    public MqttTestSubscriber(String host, int port, String topicFilter) {
        this.topicFilter = topicFilter;
        try {
            client = new MqttAsyncClient(
                    "tcp://" + host + ":" + port,
                    "at-test-" + UUID.randomUUID().toString().substring(0, 8),
                    new MemoryPersistence());
            client.setCallback(new Collector());
            MqttConnectionOptions options = new MqttConnectionOptions();
            options.setCleanStart(false);
            options.setSessionExpiryInterval(600L);
            options.setAutomaticReconnect(true);
            options.setAutomaticReconnectDelay(1, 2);
            client.connect(options).waitForCompletion(10_000);
            subscribe();
        } catch (MqttException e) {
            throw new IllegalStateException("Cannot subscribe to " + topicFilter + " on " + host + ":" + port, e);
        }
    }

    private void subscribe() throws MqttException {
        IMqttToken token = client.subscribe(topicFilter, 1);
        token.waitForCompletion(10_000);
    }

    public boolean isConnected() {
        return client.isConnected();
    }

    /** Waits until {@code count} messages arrived in all or the timeout passed; returns all so far. */
    public List<ReceivedMessage> awaitMessages(int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (received.size() < count) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                ReceivedMessage message = arrived.poll(left, TimeUnit.NANOSECONDS);
                if (message != null) {
                    received.add(message);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        arrived.drainTo(received);
        return List.copyOf(received);
    }

    @Override
    public void close() {
        try {
            if (client.isConnected()) {
                MqttProperties endSession = new MqttProperties();
                endSession.setSessionExpiryInterval(0L);
                client.disconnect(1000, null, null, 0, endSession).waitForCompletion(3000);
            }
        } catch (MqttException e) {
            // the broker is gone; nothing to end
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            // closing anyway
        }
    }

    private final class Collector implements MqttCallback {
        @Override
        public void messageArrived(String topic, MqttMessage message) {
            Map<String, String> headers = new LinkedHashMap<>();
            MqttProperties properties = message.getProperties();
            if (properties != null) {
                for (UserProperty property : properties.getUserProperties()) {
                    headers.put(property.getKey(), property.getValue());
                }
                if (properties.getContentType() != null) {
                    headers.put("content-type", properties.getContentType());
                }
            }
            arrived.add(new ReceivedMessage(topic, null, message.getPayload(), headers));
        }

        @Override
        public void connectComplete(boolean reconnect, String serverURI) {
            if (reconnect) {
                try {
                    // the broker may have lost the session (a hard kill); subscribing again is harmless. No
                    // waiting for the SUBACK here: Paho delivers it on this callback thread.
                    client.subscribe(topicFilter, 1);
                } catch (MqttException e) {
                    // the next reconnect tries again
                }
            }
        }

        @Override
        public void disconnected(MqttDisconnectResponse response) {}

        @Override
        public void mqttErrorOccurred(MqttException exception) {}

        @Override
        public void deliveryComplete(IMqttToken token) {}

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {}
    }
}
