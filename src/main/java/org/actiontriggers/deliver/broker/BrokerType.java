package org.actiontriggers.deliver.broker;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.actiontriggers.config.BrokerKeys;

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
            new BrokerKeys(
                    Set.of(
                            "bootstrap_servers",
                            "client_id",
                            "security_protocol",
                            "sasl_mechanism",
                            "sasl_username",
                            "sasl_password"),
                    List.of("bootstrap_servers"),
                    Set.of("topic"),
                    List.of("topic")),
            notYetAvailable("kafka")),
    REDIS(
            new BrokerKeys(
                    RedisBrokerClient.CONN_KEYS,
                    List.of("url", "host"),
                    Set.of("channel", "stream", "maxlen"),
                    List.of("channel", "stream")),
            RedisBrokerClient::new),
    NATS(
            new BrokerKeys(
                    Set.of("servers", "username", "password", "token"),
                    List.of("servers"),
                    Set.of("subject"),
                    List.of("subject")),
            notYetAvailable("nats")),
    MQTT(
            new BrokerKeys(
                    Set.of("server_uri", "client_id", "username", "password"),
                    List.of("server_uri"),
                    Set.of("topic", "qos"),
                    List.of("topic")),
            notYetAvailable("mqtt"));

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
     * @throws UnsupportedOperationException when the type's client is not in this build
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

    private static Function<Map<String, String>, BrokerClient> notYetAvailable(String type) {
        return conn -> {
            throw new UnsupportedOperationException("the " + type + " client is not yet available in this build");
        };
    }
}
