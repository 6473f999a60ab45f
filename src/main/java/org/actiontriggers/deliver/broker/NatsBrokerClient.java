package org.actiontriggers.deliver.broker;

import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import io.nats.client.ErrorListener;
import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.PublishOptions;
import io.nats.client.api.PublishAck;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.impl.Headers;
import io.nats.client.impl.NatsMessage;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * NATS JetStream through the official {@code jnats} client: one connection per effective connection, shared by
 * all deliveries; every publish waits for the stream's acknowledgement.
 *
 * <p>{@code conn} keys: {@code servers} (required; comma-separated URLs such as {@code nats://127.0.0.1:4222},
 * {@code tls://} for TLS; credentials do not belong in the URL), {@code user} with {@code password} (secret),
 * or {@code token} (secret), and {@code connection_name}.
 *
 * <p>{@code params}: {@code subject} (required) and {@code stream} (optional). JetStream stores a message only
 * when a stream covers its subject. By default the stream must exist (created by whoever runs NATS): a subject
 * no stream covers is refused, not retried. With {@code stream} set, the client creates that stream for the
 * subject (file storage, default limits) the first time it publishes to it, when no stream of that name exists;
 * an existing stream is used as it is.
 *
 * <p>The delivery id travels as {@code Nats-Msg-Id}, so the server drops a repeated delivery within the stream's
 * duplicate window (two minutes by default), and with the other metadata as {@code action-triggers-*} headers plus
 * {@code Content-Type}. The connection is opened by the first publish; after it was lost, the client reconnects
 * by itself, and a publish while it is away fails at once (retryable).
 */
public final class NatsBrokerClient implements BrokerClient {

    public static final Set<String> REQUIRED_CONN = Set.of("servers");
    public static final Set<String> ALLOWED_CONN = Set.of("servers", "user", "password", "token", "connection_name");
    /** Keys whose values are secrets: never logged or shown. */
    public static final Set<String> SECRET_CONN = Set.of("password", "token");

    public static final Set<String> REQUIRED_PARAMS = Set.of("subject");
    public static final Set<String> ALLOWED_PARAMS = Set.of("subject", "stream");

    private static final Logger LOG = Logger.getLogger(NatsBrokerClient.class.getName());
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    static {
        LibraryLogging.quiet("io.nats");
    }

    private final String servers;
    private final Options options;
    private final Set<String> ensuredStreams = ConcurrentHashMap.newKeySet();
    private final Object connecting = new Object();
    private volatile Connection connection;
    private volatile boolean closed;
    private final java.util.concurrent.atomic.AtomicBoolean reportedLoss =
            new java.util.concurrent.atomic.AtomicBoolean();

    /**
     * Validates {@code conn}; the connection is opened by the first publish.
     *
     * @throws IllegalArgumentException naming the missing, unknown or malformed key
     */
    public NatsBrokerClient(Map<String, String> conn) {
        String what = "nats conn";
        ConnKeys.requireKnown(what, conn, ALLOWED_CONN);
        List<String> urls = new ArrayList<>();
        for (String server : ConnKeys.required(what, conn, "servers").split(",")) {
            urls.add(checkedUrl(what, server.strip()));
        }
        this.servers = String.join(",", urls);
        String user = ConnKeys.optional(conn, "user");
        String password = ConnKeys.optional(conn, "password");
        String token = ConnKeys.optional(conn, "token");
        if ((user == null) != (password == null)) {
            throw new IllegalArgumentException(what + ": 'user' and 'password' go together");
        }
        if (token != null && user != null) {
            throw new IllegalArgumentException(what + ": give either 'token' or 'user'/'password', not both");
        }
        String name = ConnKeys.optional(conn, "connection_name");
        Options.Builder builder = new Options.Builder()
                .servers(urls.toArray(String[]::new))
                .connectionName(name == null ? "action-triggers" : name)
                .connectionTimeout(CONNECT_TIMEOUT)
                .maxReconnects(-1)
                .reconnectWait(Duration.ofMillis(500))
                .errorListener(new QuietErrorListener())
                .connectionListener(this::connectionEvent);
        if (user != null) {
            builder.userInfo(user.toCharArray(), password.toCharArray());
        }
        if (token != null) {
            builder.token(token.toCharArray());
        }
        this.options = builder.build();
    }

    private static String checkedUrl(String what, String server) {
        String url = server.contains("://") ? server : "nats://" + server;
        try {
            URI uri = new URI(url);
            if (uri.getHost() == null) {
                throw new URISyntaxException(server, "no host");
            }
            if (uri.getUserInfo() != null) {
                throw new IllegalArgumentException(
                        what + ": 'servers' must not hold credentials; use 'user'/'password' or 'token'");
            }
            if (!"nats".equals(uri.getScheme()) && !"tls".equals(uri.getScheme())) {
                throw new IllegalArgumentException(what + ": 'servers' URLs must start with nats:// or tls://");
            }
            return url;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(
                    what + ": 'servers' must be comma-separated URLs like nats://host:4222", e);
        }
    }

    @Override
    public void publish(BrokerMessage message) throws BrokerException {
        Map<String, String> params = message.parameters() == null ? Map.of() : message.parameters();
        String subject = params.get("subject");
        if (subject == null || subject.isBlank()) {
            throw new BrokerException("nats params: 'subject' is required", false, null);
        }
        Duration timeout = message.timeout() == null
                        || message.timeout().isZero()
                        || message.timeout().isNegative()
                ? DEFAULT_TIMEOUT
                : message.timeout();
        Connection conn = connection();
        if (conn.getStatus() != Connection.Status.CONNECTED) {
            throw new BrokerException(
                    "NATS at " + servers + " is not connected (" + conn.getStatus() + "); delivery "
                            + message.deliveryId() + " not sent",
                    true,
                    null);
        }
        String stream = params.get("stream");
        if (stream != null && !stream.isBlank()) {
            ensureStream(conn, stream.strip(), subject);
        }
        Headers headers = new Headers();
        message.headers().forEach(headers::put);
        if (message.contentType() != null) {
            headers.put("Content-Type", message.contentType());
        }
        NatsMessage natsMessage = NatsMessage.builder()
                .subject(subject)
                .headers(headers)
                .data(message.body())
                .build();
        PublishOptions publishOptions = PublishOptions.builder()
                .messageId(message.deliveryId())
                .streamTimeout(timeout)
                .build();
        try {
            JetStream jetStream = conn.jetStream();
            PublishAck ack = jetStream.publish(natsMessage, publishOptions);
            if (ack.isDuplicate()) {
                LOG.fine(() -> "NATS dropped delivery " + message.deliveryId() + " as a duplicate");
            }
        } catch (JetStreamApiException e) {
            throw new BrokerException(
                    "NATS at " + servers + " refused delivery " + message.deliveryId() + " to subject '" + subject
                            + "': " + e.getMessage(),
                    false,
                    e);
        } catch (IOException e) {
            throw ioFailure(conn, message, subject, e);
        } catch (RuntimeException e) {
            // jnats throws IllegalStateException when the connection closes or drops under the publish
            throw new BrokerException(
                    "NATS at " + servers + " failed delivery " + message.deliveryId() + " to subject '" + subject
                            + "': " + e.getMessage(),
                    true,
                    e);
        }
    }

    /**
     * A publish with no reply: no stream covers the subject (the server has no responder), or the server is
     * in trouble. Asking JetStream which streams cover the subject tells the two apart; when even that fails,
     * the failure counts as retryable.
     */
    private BrokerException ioFailure(Connection conn, BrokerMessage message, String subject, IOException e) {
        String text = String.valueOf(e.getMessage());
        if (text.contains("503") || text.toLowerCase(java.util.Locale.ROOT).contains("no responders")) {
            try {
                if (conn.jetStreamManagement().getStreamNames(subject).isEmpty()) {
                    return new BrokerException(
                            "NATS at " + servers + " has no JetStream stream for subject '" + subject
                                    + "' (create one, or set the 'stream' parameter); delivery "
                                    + message.deliveryId() + " refused",
                            false,
                            e);
                }
            } catch (IOException | JetStreamApiException | RuntimeException lookupFailed) {
                e.addSuppressed(lookupFailed);
            }
        }
        return new BrokerException(
                "NATS at " + servers + " did not acknowledge delivery " + message.deliveryId() + " to subject '"
                        + subject + "': " + text,
                true,
                e);
    }

    private void ensureStream(Connection conn, String stream, String subject) throws BrokerException {
        String key = stream + '\n' + subject;
        if (ensuredStreams.contains(key)) {
            return;
        }
        try {
            JetStreamManagement management = conn.jetStreamManagement();
            try {
                management.getStreamInfo(stream);
            } catch (JetStreamApiException notFound) {
                if (notFound.getApiErrorCode() != 10059) {
                    throw notFound;
                }
                management.addStream(StreamConfiguration.builder()
                        .name(stream)
                        .subjects(subject)
                        .storageType(StorageType.File)
                        .build());
                LOG.info(() -> "Created NATS JetStream stream '" + stream + "' for subject '" + subject + "'");
            }
            ensuredStreams.add(key);
        } catch (JetStreamApiException e) {
            throw new BrokerException(
                    "NATS at " + servers + " refused stream '" + stream + "' for subject '" + subject + "': "
                            + e.getMessage(),
                    false,
                    e);
        } catch (IOException | RuntimeException e) {
            throw new BrokerException(
                    "NATS at " + servers + " did not answer about stream '" + stream + "': " + e.getMessage(), true, e);
        }
    }

    private Connection connection() throws BrokerException {
        if (closed) {
            throw new BrokerException("NATS client for " + servers + " is closed", true, null);
        }
        Connection current = connection;
        if (current != null && current.getStatus() != Connection.Status.CLOSED) {
            return current;
        }
        synchronized (connecting) {
            current = connection;
            if (current != null && current.getStatus() != Connection.Status.CLOSED) {
                return current;
            }
            try {
                current = Nats.connect(options);
                connection = current;
                return current;
            } catch (IOException | RuntimeException e) {
                throw new BrokerException(
                        "Cannot connect to NATS at " + servers + ": "
                                + e.getClass().getSimpleName(),
                        true,
                        e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BrokerException("Interrupted while connecting to NATS", true, e);
            }
        }
    }

    private void connectionEvent(Connection conn, ConnectionListener.Events event) {
        switch (event) {
            case DISCONNECTED -> {
                // jnats reports every failed reconnect attempt as another disconnect: say it once per outage
                if (!closed && reportedLoss.compareAndSet(false, true)) {
                    LOG.warning(() -> "Lost the connection to NATS at " + servers + "; reconnecting");
                }
            }
            case RECONNECTED -> {
                reportedLoss.set(false);
                LOG.info(() -> "Reconnected to NATS at " + servers);
            }
            default -> LOG.fine(() -> "NATS connection event " + event);
        }
    }

    @Override
    public boolean isConnected() {
        Connection current = connection;
        return current != null && current.getStatus() == Connection.Status.CONNECTED;
    }

    @Override
    public void close() {
        closed = true;
        Connection current = connection;
        connection = null;
        if (current != null) {
            try {
                current.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "Closing the NATS connection failed", e);
            }
        }
    }

    /** Keeps jnats's per-attempt reconnect errors out of the log; the connection listener reports the state. */
    private static final class QuietErrorListener implements ErrorListener {
        @Override
        public void errorOccurred(Connection conn, String error) {
            LOG.fine(() -> "NATS error: " + error);
        }

        @Override
        public void exceptionOccurred(Connection conn, Exception exception) {
            LOG.fine(() -> "NATS exception: " + exception);
        }
    }
}
