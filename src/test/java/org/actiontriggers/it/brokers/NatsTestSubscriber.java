package org.actiontriggers.it.brokers;

import static org.awaitility.Awaitility.await;

import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.Subscription;
import io.nats.client.api.MessageInfo;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.impl.Headers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Reads back what the NATS client published. {@link #jetStream} reads a stream from its first message on (by
 * sequence, through JetStream's direct get: it also sees messages stored while nobody listened, and survives a
 * server restart); {@link #core} is a plain subscription that sees what is published while it is subscribed.
 * Also creates and deletes test streams. Close it after use.
 *
 * <pre>{@code
 * NatsTestSubscriber.createStream(NatsTestServer.MACHINE_SERVER, "SALES", "sales.created");
 * try (var subscriber = NatsTestSubscriber.jetStream(NatsTestServer.MACHINE_SERVER, "SALES")) {
 *     List<ReceivedMessage> got = subscriber.awaitMessages(3, Duration.ofSeconds(30));
 * }
 * }</pre>
 */
public final class NatsTestSubscriber implements AutoCloseable {

    private final Connection connection;
    private final String stream;
    private final Subscription subscription;
    private final List<ReceivedMessage> received = new ArrayList<>();
    private long nextSequence = 1;

    private NatsTestSubscriber(Connection connection, String stream, Subscription subscription) {
        this.connection = connection;
        this.stream = stream;
        this.subscription = subscription;
    }

    /** Reads the stream from its first message. */
    public static NatsTestSubscriber jetStream(String servers, String stream) {
        return new NatsTestSubscriber(connect(servers), stream, null);
    }

    /** Subscribes to the subject (wildcards allowed) now; sees only what is published from now on. */
    public static NatsTestSubscriber core(String servers, String subject) {
        Connection connection = connect(servers);
        Subscription subscription = connection.subscribe(subject);
        try {
            connection.flush(Duration.ofSeconds(5));
        } catch (Exception e) {
            throw new IllegalStateException("NATS did not confirm the subscription", e);
        }
        return new NatsTestSubscriber(connection, null, subscription);
    }

    /** Creates a file-backed stream for the subjects (replacing nothing: fails if it exists differently). */
    public static void createStream(String servers, String stream, String... subjects) {
        try (Connection connection = connect(servers)) {
            connection
                    .jetStreamManagement()
                    .addStream(StreamConfiguration.builder()
                            .name(stream)
                            .subjects(subjects)
                            .storageType(StorageType.File)
                            .build());
        } catch (IOException | JetStreamApiException | InterruptedException e) {
            throw new IllegalStateException("Cannot create NATS stream " + stream, e);
        }
    }

    /** Deletes the stream if it exists. */
    public static void deleteStream(String servers, String stream) {
        try (Connection connection = connect(servers)) {
            connection.jetStreamManagement().deleteStream(stream);
        } catch (JetStreamApiException notFound) {
            // already gone
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("Cannot delete NATS stream " + stream, e);
        }
    }

    /** Whether a stream of that name exists. */
    public static boolean streamExists(String servers, String stream) {
        try (Connection connection = connect(servers)) {
            connection.jetStreamManagement().getStreamInfo(stream);
            return true;
        } catch (JetStreamApiException notFound) {
            return false;
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("Cannot look up NATS stream " + stream, e);
        }
    }

    /** How many messages the stream holds (after the server's deduplication). */
    public long streamMessageCount() {
        try {
            return connection
                    .jetStreamManagement()
                    .getStreamInfo(stream)
                    .getStreamState()
                    .getMsgCount();
        } catch (IOException | JetStreamApiException e) {
            throw new IllegalStateException("Cannot read NATS stream " + stream, e);
        }
    }

    /** Waits until {@code count} messages were read in all or the timeout passed; returns all read so far. */
    public List<ReceivedMessage> awaitMessages(int count, Duration timeout) {
        if (subscription != null) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (received.size() < count && System.nanoTime() < deadline) {
                try {
                    Message message = subscription.nextMessage(Duration.ofNanos(deadline - System.nanoTime()));
                    if (message != null) {
                        received.add(received(message.getSubject(), message.getHeaders(), message.getData()));
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            return List.copyOf(received);
        }
        try {
            await().atMost(timeout)
                    .pollInterval(Duration.ofMillis(100))
                    .ignoreExceptions()
                    .until(() -> {
                        readStoredMessages();
                        return received.size() >= count;
                    });
        } catch (ConditionTimeoutException e) {
            // the caller's assertion on what arrived tells more than the timeout
        }
        return List.copyOf(received);
    }

    private void readStoredMessages() throws IOException, JetStreamApiException {
        JetStreamManagement management = connection.jetStreamManagement();
        long last = management.getStreamInfo(stream).getStreamState().getLastSequence();
        while (nextSequence <= last) {
            MessageInfo info = management.getMessage(stream, nextSequence);
            received.add(received(info.getSubject(), info.getHeaders(), info.getData()));
            nextSequence++;
        }
    }

    private static ReceivedMessage received(String subject, Headers headers, byte[] data) {
        Map<String, String> map = new LinkedHashMap<>();
        if (headers != null) {
            for (String key : headers.keySet()) {
                map.put(key, headers.getFirst(key));
            }
        }
        return new ReceivedMessage(subject, null, data == null ? new byte[0] : data, map);
    }

    private static Connection connect(String servers) {
        try {
            return Nats.connect(new Options.Builder()
                    .servers(servers.split(","))
                    .maxReconnects(-1)
                    .reconnectWait(Duration.ofMillis(250))
                    .errorListener(new io.nats.client.ErrorListener() {})
                    .build());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot connect to NATS at " + servers, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
