package org.actiontriggers.deliver.broker;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/** Messages for the broker client tests. */
final class BrokerMessages {

    private BrokerMessages() {}

    static BrokerMessage message(String entityId, String body, Map<String, String> parameters, Duration timeout) {
        return new BrokerMessage(
                UUID.randomUUID().toString(),
                "post_save",
                "demo.sale",
                entityId,
                "application/json",
                body.getBytes(StandardCharsets.UTF_8),
                parameters,
                timeout);
    }

    static BrokerMessage message(String entityId, String body, Map<String, String> parameters) {
        return message(entityId, body, parameters, Duration.ofSeconds(10));
    }
}
