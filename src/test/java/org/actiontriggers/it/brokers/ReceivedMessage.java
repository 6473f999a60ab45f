package org.actiontriggers.it.brokers;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One message as a real consumer read it back from a broker, the same shape for every broker type so the
 * end-to-end tests can check deliveries without caring which broker carried them.
 *
 * @param destination the Kafka or MQTT topic, or the NATS subject
 * @param key the Kafka record key (null for NATS and MQTT)
 * @param headers Kafka record headers, NATS headers or MQTT 5 user properties (plus {@code content-type} for MQTT)
 */
public record ReceivedMessage(String destination, String key, byte[] body, Map<String, String> headers) {

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public String header(String name) {
        return headers.get(name);
    }

    public String deliveryId() {
        return headers.get("action-triggers-delivery-id");
    }

    public String entityId() {
        return headers.get("action-triggers-entity-id");
    }
}
