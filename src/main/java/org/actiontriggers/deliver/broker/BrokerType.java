package org.actiontriggers.deliver.broker;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.actiontriggers.settings.BrokerKeys;

/**
 * The broker types a queue may publish to: per type, the {@code conn} and {@code params} keys it takes (checked
 * at start-up and when a queue is saved) and how its client is made from the effective connection details.
 */
public enum BrokerType {
    RABBITMQ(
            new BrokerKeys(
                    RabbitMqBrokerClient.CONN_KEYS,
                    List.of("host"),
                    Set.of("exchange", "routing_key", "queue"),
                    List.of("exchange", "queue")),
            RabbitMqBrokerClient::new),
    KAFKA(
            keysOf(
                    KafkaBrokerClient.ALLOWED_CONN,
                    KafkaBrokerClient.REQUIRED_CONN,
                    KafkaBrokerClient.ALLOWED_PARAMS,
                    KafkaBrokerClient.REQUIRED_PARAMS),
            KafkaBrokerClient::new),
    REDIS(
            new BrokerKeys(
                    RedisBrokerClient.CONN_KEYS,
                    List.of("url", "host"),
                    Set.of("channel", "stream", "maxlen"),
                    List.of("channel", "stream")),
            RedisBrokerClient::new),
    NATS(
            keysOf(
                    NatsBrokerClient.ALLOWED_CONN,
                    NatsBrokerClient.REQUIRED_CONN,
                    NatsBrokerClient.ALLOWED_PARAMS,
                    NatsBrokerClient.REQUIRED_PARAMS),
            NatsBrokerClient::new),
    MQTT(
            keysOf(
                    MqttBrokerClient.ALLOWED_CONN,
                    MqttBrokerClient.REQUIRED_CONN,
                    MqttBrokerClient.ALLOWED_PARAMS,
                    MqttBrokerClient.REQUIRED_PARAMS),
            MqttBrokerClient::new);

    private final BrokerKeys keys;
    private final Function<Map<String, String>, BrokerClient> factory;

    BrokerType(BrokerKeys keys, Function<Map<String, String>, BrokerClient> factory) {
        this.keys = keys;
        this.factory = factory;
    }

    /** The name as written in the settings: {@code rabbitmq}, {@code kafka}, … */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The keys this type takes. */
    public BrokerKeys keys() {
        return keys;
    }

    /**
     * Opens a client for the effective connection details.
     *
     * @throws IllegalArgumentException naming a missing or wrong key
     * @throws IllegalStateException when the broker cannot be reached
     */
    public BrokerClient connect(Map<String, String> conn) {
        return factory.apply(conn);
    }

    /** The type written in the settings, in any case; empty for an unknown name. */
    public static Optional<BrokerType> parse(String value) {
        return Arrays.stream(values())
                .filter(t -> t.value().equalsIgnoreCase(value == null ? "" : value.trim()))
                .findFirst();
    }

    /** Keys of a client that names exactly one required connection key and one required parameter. */
    private static BrokerKeys keysOf(
            Set<String> conn, Set<String> requiredConn, Set<String> params, Set<String> requiredParams) {
        if (requiredConn.size() != 1 || requiredParams.size() != 1) {
            throw new IllegalStateException("a broker client must require exactly one conn key and one param");
        }
        return new BrokerKeys(conn, List.copyOf(requiredConn), params, List.copyOf(requiredParams));
    }
}
