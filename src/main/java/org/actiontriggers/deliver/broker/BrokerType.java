package org.actiontriggers.deliver.broker;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.actiontriggers.settings.BrokerKeys;

/**
 * The broker types a queue may publish to: per type, the {@code conn} and {@code params} keys it takes (checked
 * at start-up and when a queue is saved) and how its client is made from the effective connection details.
 *
 * <p>The broker clients are optional dependencies: a host adds only those it uses. So nothing here touches a
 * client class before a broker of that type is configured — the keys are read on first ask and the clients made
 * in lambdas, never method references, which would resolve the client class when this enum initialises — and
 * {@link #missingClient()} says which Maven artifact to add when the client library is absent.
 */
public enum BrokerType {
    RABBITMQ(
            "com.rabbitmq.client.ConnectionFactory",
            "amqp-client",
            () -> new BrokerKeys(
                    RabbitMqBrokerClient.CONN_KEYS,
                    List.of("host"),
                    Set.of("exchange", "routing_key", "queue"),
                    List.of("exchange", "queue")),
            conn -> new RabbitMqBrokerClient(conn)),
    KAFKA(
            "org.apache.kafka.clients.producer.KafkaProducer",
            "kafka-clients",
            () -> keysOf(
                    KafkaBrokerClient.ALLOWED_CONN,
                    KafkaBrokerClient.REQUIRED_CONN,
                    KafkaBrokerClient.ALLOWED_PARAMS,
                    KafkaBrokerClient.REQUIRED_PARAMS),
            conn -> new KafkaBrokerClient(conn)),
    REDIS(
            "redis.clients.jedis.JedisPooled",
            "jedis",
            () -> new BrokerKeys(
                    RedisBrokerClient.CONN_KEYS,
                    List.of("url", "host"),
                    Set.of("channel", "stream", "maxlen"),
                    List.of("channel", "stream")),
            conn -> new RedisBrokerClient(conn)),
    NATS(
            "io.nats.client.Nats",
            "jnats",
            () -> keysOf(
                    NatsBrokerClient.ALLOWED_CONN,
                    NatsBrokerClient.REQUIRED_CONN,
                    NatsBrokerClient.ALLOWED_PARAMS,
                    NatsBrokerClient.REQUIRED_PARAMS),
            conn -> new NatsBrokerClient(conn)),
    MQTT(
            "org.eclipse.paho.mqttv5.client.MqttAsyncClient",
            "org.eclipse.paho.mqttv5.client",
            () -> keysOf(
                    MqttBrokerClient.ALLOWED_CONN,
                    MqttBrokerClient.REQUIRED_CONN,
                    MqttBrokerClient.ALLOWED_PARAMS,
                    MqttBrokerClient.REQUIRED_PARAMS),
            conn -> new MqttBrokerClient(conn));

    /** The versions of the clients this build was made and tested with, by artifact id (from the pom). */
    private static final String CLIENT_VERSIONS = "/META-INF/action-triggers/broker-clients.properties";

    private final String clientClass;
    private final String clientArtifact;
    private final Supplier<BrokerKeys> keySource;
    private final Function<Map<String, String>, BrokerClient> factory;
    private volatile BrokerKeys keys;

    BrokerType(
            String clientClass,
            String clientArtifact,
            Supplier<BrokerKeys> keySource,
            Function<Map<String, String>, BrokerClient> factory) {
        this.clientClass = clientClass;
        this.clientArtifact = clientArtifact;
        this.keySource = keySource;
        this.factory = factory;
    }

    /** The name as written in the settings: {@code rabbitmq}, {@code kafka}, … */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The keys this type takes. Loads the client class: ask only when {@link #missingClient()} is empty. */
    public BrokerKeys keys() {
        BrokerKeys k = keys;
        if (k == null) {
            k = keySource.get();
            keys = k;
        }
        return k;
    }

    /**
     * Empty when the client library of this type is in the application; otherwise the Maven coordinates to add,
     * as {@code groupId:artifactId:version}.
     */
    public Optional<String> missingClient() {
        try {
            Class.forName(clientClass, false, BrokerType.class.getClassLoader());
            return Optional.empty();
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.of(coordinates());
        }
    }

    /** The Maven coordinates of this type's client library. */
    String coordinates() {
        Properties versions = new Properties();
        try (InputStream in = BrokerType.class.getResourceAsStream(CLIENT_VERSIONS)) {
            if (in != null) {
                versions.load(in);
            }
        } catch (IOException e) {
            // the coordinates then go without a version
        }
        String group = versions.getProperty(clientArtifact + ".group", "");
        String version = versions.getProperty(clientArtifact + ".version", "");
        return (group.isEmpty() ? "" : group + ":") + clientArtifact + (version.isEmpty() ? "" : ":" + version);
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
