package org.actiontriggers.deliver.broker;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.errors.ApiException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Kafka through the official {@code kafka-clients} producer: one idempotent producer ({@code acks=all}) per
 * effective connection, shared by all deliveries (the producer is thread-safe).
 *
 * <p>{@code conn} keys: {@code bootstrap_servers} (required; comma-separated {@code host:port}),
 * {@code client_id}, {@code security_protocol} ({@code PLAINTEXT} by default, {@code SSL}, {@code SASL_PLAINTEXT},
 * {@code SASL_SSL}; SSL trusts the JVM's default trust store), {@code sasl_mechanism} ({@code PLAIN},
 * {@code SCRAM-SHA-256}, {@code SCRAM-SHA-512}) with {@code sasl_username} and {@code sasl_password} (secret).
 * SASL and SSL are passed to Kafka as its own settings and were not tried against a secured broker.
 *
 * <p>{@code params}: {@code topic} (required). The record key is {@code entityType:entityId} (the entity type
 * alone when there is no id), so all changes of one entity land in one partition and keep their order. The
 * metadata travels as record headers: {@code action-triggers-delivery-id}, {@code -signal}, {@code
 * -entity-type}, {@code -entity-id} and {@code content-type}.
 *
 * <p>{@link #publish} waits for the broker's acknowledgement for at most the message's timeout (a first send to
 * a topic while no broker answers waits up to {@value #MAX_BLOCK_MS} ms for the topic's metadata instead). A send that
 * timed out may still be written later by the producer (it keeps retrying for {@value #DELIVERY_TIMEOUT_MS} ms),
 * so a retried delivery can arrive twice: consumers deduplicate on the delivery id. Compression is not offered
 * (the WAR leaves out the codecs).
 */
public final class KafkaBrokerClient implements BrokerClient {

    public static final Set<String> REQUIRED_CONN = Set.of("bootstrap_servers");
    public static final Set<String> ALLOWED_CONN = Set.of(
            "bootstrap_servers", "client_id", "security_protocol", "sasl_mechanism", "sasl_username", "sasl_password");
    /** Keys whose values are secrets: never logged or shown. */
    public static final Set<String> SECRET_CONN = Set.of("sasl_password");

    public static final Set<String> REQUIRED_PARAMS = Set.of("topic");
    public static final Set<String> ALLOWED_PARAMS = Set.of("topic");

    /** How long the producer itself keeps retrying one record before it gives up on it. */
    static final int DELIVERY_TIMEOUT_MS = 30_000;

    /** How long a first send to a topic may wait for the topic's metadata when no broker answers. */
    static final int MAX_BLOCK_MS = 5_000;

    private static final Logger LOG = Logger.getLogger(KafkaBrokerClient.class.getName());
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    private static final Set<String> SECURITY_PROTOCOLS = Set.of("PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL");
    private static final Set<String> SASL_MECHANISMS = Set.of("PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512");

    static {
        LibraryLogging.quiet("org.apache.kafka");
    }

    private final String servers;
    private final KafkaProducer<String, byte[]> producer;

    /**
     * Validates {@code conn} and creates the producer; it connects in the background, so a broker that is down
     * now fails no construction, only publishes.
     *
     * @throws IllegalArgumentException naming the missing, unknown or malformed key
     */
    public KafkaBrokerClient(Map<String, String> conn) {
        Properties props = producerProperties(conn);
        this.servers = props.getProperty(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG);
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // Kafka loads its pluggable classes (SASL login modules, partitioner) through the context class loader.
        thread.setContextClassLoader(KafkaBrokerClient.class.getClassLoader());
        try {
            this.producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
        } catch (KafkaException e) {
            throw new IllegalArgumentException("kafka conn: " + e.getMessage(), e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    static Properties producerProperties(Map<String, String> conn) {
        String what = "kafka conn";
        ConnKeys.requireKnown(what, conn, ALLOWED_CONN);
        String servers = ConnKeys.required(what, conn, "bootstrap_servers");
        List<String> addresses = new ArrayList<>();
        for (String address : servers.split(",")) {
            String trimmed = address.strip();
            int colon = trimmed.lastIndexOf(':');
            if (colon <= 0 || !isPort(trimmed.substring(colon + 1))) {
                throw new IllegalArgumentException(
                        what + ": 'bootstrap_servers' must be comma-separated host:port pairs, got '" + trimmed + "'");
            }
            addresses.add(trimmed);
        }
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, String.join(",", addresses));
        String clientId = ConnKeys.optional(conn, "client_id");
        props.put(
                ProducerConfig.CLIENT_ID_CONFIG,
                clientId != null
                        ? clientId
                        : "action-triggers-" + UUID.randomUUID().toString().substring(0, 8));
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        // One request in flight per broker: order within a partition never depends on Kafka re-sequencing
        // retried batches (with more, a "not leader" answer for a new topic made later batches loop on
        // OUT_OF_ORDER_SEQUENCE_NUMBER for over 10 s here). Each request still carries every record waiting.
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "1");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Integer.toString(DELIVERY_TIMEOUT_MS));
        // How long send() may block for a topic's metadata: only the first send to a topic while no broker
        // answers waits this long, whatever the message's (shorter) timeout; later sends find it cached.
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Integer.toString(MAX_BLOCK_MS));
        props.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "2000");

        String protocol = ConnKeys.optional(conn, "security_protocol");
        if (protocol != null) {
            protocol = protocol.toUpperCase(Locale.ROOT);
            if (!SECURITY_PROTOCOLS.contains(protocol)) {
                throw new IllegalArgumentException(what + ": 'security_protocol' must be one of " + SECURITY_PROTOCOLS
                        + ", got '" + protocol + "'");
            }
            props.put("security.protocol", protocol);
        }
        String mechanism = ConnKeys.optional(conn, "sasl_mechanism");
        boolean sasl = protocol != null && protocol.startsWith("SASL_");
        if (mechanism == null && sasl) {
            throw new IllegalArgumentException(what + ": 'sasl_mechanism' is required with " + protocol);
        }
        if (mechanism != null) {
            mechanism = mechanism.toUpperCase(Locale.ROOT);
            if (!SASL_MECHANISMS.contains(mechanism)) {
                throw new IllegalArgumentException(
                        what + ": 'sasl_mechanism' must be one of " + SASL_MECHANISMS + ", got '" + mechanism + "'");
            }
            if (!sasl) {
                throw new IllegalArgumentException(
                        what + ": 'sasl_mechanism' needs 'security_protocol' SASL_PLAINTEXT or SASL_SSL");
            }
            String user = ConnKeys.required(what, conn, "sasl_username");
            String password = ConnKeys.required(what, conn, "sasl_password");
            String module = mechanism.equals("PLAIN")
                    ? "org.apache.kafka.common.security.plain.PlainLoginModule"
                    : "org.apache.kafka.common.security.scram.ScramLoginModule";
            props.put("sasl.mechanism", mechanism);
            // A Password-typed setting: Kafka prints it as [hidden] when it logs its configuration.
            props.put(
                    "sasl.jaas.config",
                    module + " required username=\"" + jaasEscape(user) + "\" password=\"" + jaasEscape(password)
                            + "\";");
        } else if (conn.containsKey("sasl_username") || conn.containsKey("sasl_password")) {
            throw new IllegalArgumentException(what + ": 'sasl_username'/'sasl_password' need 'sasl_mechanism'");
        }
        return props;
    }

    private static boolean isPort(String text) {
        try {
            int port = Integer.parseInt(text);
            return port > 0 && port < 65536;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String jaasEscape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    /** The record key that keeps one entity's changes in one partition, in order. */
    static String recordKey(BrokerMessage message) {
        if (message.entityType() == null) {
            return message.entityId();
        }
        return message.entityId() == null ? message.entityType() : message.entityType() + ":" + message.entityId();
    }

    @Override
    public void publish(BrokerMessage message) throws BrokerException {
        String topic =
                message.parameters() == null ? null : message.parameters().get("topic");
        if (topic == null || topic.isBlank()) {
            throw new BrokerException("kafka params: 'topic' is required", false, null);
        }
        Duration timeout = message.timeout() == null
                        || message.timeout().isZero()
                        || message.timeout().isNegative()
                ? DEFAULT_TIMEOUT
                : message.timeout();
        ProducerRecord<String, byte[]> record =
                new ProducerRecord<>(topic, null, recordKey(message), message.body(), null);
        message.headers()
                .forEach((name, value) ->
                        record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8))));
        if (message.contentType() != null) {
            record.headers()
                    .add(new RecordHeader("content-type", message.contentType().getBytes(StandardCharsets.UTF_8)));
        }
        try {
            Future<RecordMetadata> ack = producer.send(record);
            ack.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new BrokerException(
                    "Kafka at " + servers + " did not acknowledge delivery " + message.deliveryId() + " to topic '"
                            + topic + "' within " + timeout.toMillis() + " ms",
                    true,
                    e);
        } catch (ExecutionException e) {
            throw failure(message, topic, e.getCause() == null ? e : e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerException("Interrupted while waiting for Kafka's acknowledgement", true, e);
        } catch (RuntimeException e) {
            // send() itself fails for metadata timeouts, a closed producer, or a record it refuses up front
            throw failure(message, topic, e);
        }
    }

    private BrokerException failure(BrokerMessage message, String topic, Throwable cause) {
        boolean retryable = !(cause instanceof ApiException)
                || cause instanceof RetriableException
                || cause instanceof AuthenticationException;
        return new BrokerException(
                "Kafka at " + servers + " " + (retryable ? "failed" : "refused") + " delivery " + message.deliveryId()
                        + " to topic '" + topic + "': " + cause.getClass().getSimpleName() + ": " + cause.getMessage(),
                retryable,
                cause);
    }

    /** True while the producer holds at least one open connection to a broker (its own metric; sends nothing). */
    @Override
    public boolean isConnected() {
        try {
            for (Map.Entry<MetricName, ? extends Metric> entry :
                    producer.metrics().entrySet()) {
                MetricName name = entry.getKey();
                if (name.name().equals("connection-count") && name.group().equals("producer-metrics")) {
                    Object value = entry.getValue().metricValue();
                    return value instanceof Number number && number.doubleValue() > 0;
                }
            }
            return false;
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        try {
            producer.close(Duration.ofSeconds(5));
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Closing the Kafka producer failed", e);
        }
    }
}
