package org.actiontriggers.deliver.broker;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.ShutdownSignalException;
import java.io.IOException;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeoutException;

/**
 * Publishes to RabbitMQ with the official {@code amqp-client}: persistent messages on channels in publisher
 * confirm mode, so a publish returns only once the broker has taken responsibility for the message.
 *
 * <p>Parameters: {@code exchange} (with an optional {@code routing_key}) or {@code queue} (DAT's form: the
 * default exchange routes to it; the queue must exist, it is not declared). The message id is the delivery
 * id; the headers carry delivery id, signal, entity type and id. One connection is shared; channels, which
 * may not publish concurrently, are pooled. The client's own automatic recovery is off: {@link
 * BrokerConnections} replaces a client whose connection was lost.
 */
public final class RabbitMqBrokerClient implements BrokerClient {

    static final Set<String> CONN_KEYS = Set.of("host", "port", "username", "password", "virtual_host");
    private static final String WHAT = "rabbitmq conn";

    private final Connection connection;
    private final LinkedBlockingQueue<Channel> idle = new LinkedBlockingQueue<>();
    private final Set<String> checkedQueues = ConcurrentHashMap.newKeySet();

    /**
     * Opens the connection.
     *
     * @throws IllegalArgumentException naming a missing or wrong key
     * @throws IllegalStateException when the broker cannot be reached (the message names host and port only)
     */
    public RabbitMqBrokerClient(Map<String, String> conn) {
        ConnKeys.requireKnown(WHAT, conn, CONN_KEYS);
        String host = ConnKeys.required(WHAT, conn, "host");
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(host);
        factory.setPort(ConnKeys.integer(WHAT, conn, "port", ConnectionFactory.DEFAULT_AMQP_PORT, 1, 65_535));
        String username = ConnKeys.optional(conn, "username");
        if (username != null) {
            factory.setUsername(username);
        }
        if (conn.get("password") != null) {
            factory.setPassword(conn.get("password"));
        }
        String vhost = ConnKeys.optional(conn, "virtual_host");
        if (vhost != null) {
            factory.setVirtualHost(vhost);
        }
        factory.setAutomaticRecoveryEnabled(false);
        factory.setTopologyRecoveryEnabled(false);
        factory.setConnectionTimeout(5_000);
        factory.setRequestedHeartbeat(10);
        try {
            connection = factory.newConnection("action-triggers");
        } catch (IOException | TimeoutException e) {
            throw new IllegalStateException(
                    "cannot connect to RabbitMQ at " + host + ":" + factory.getPort() + ": " + describe(e), e);
        }
    }

    @Override
    public void publish(BrokerMessage message) throws BrokerException {
        String exchange = blankToNull(message.parameters().get("exchange"));
        String queue = blankToNull(message.parameters().get("queue"));
        String routingKey =
                exchange != null ? message.parameters().getOrDefault("routing_key", "") : queue == null ? "" : queue;
        if (exchange == null && queue == null) {
            throw new BrokerException("rabbitmq needs the parameter exchange or queue", false, null);
        }
        Map<String, Object> headers = new HashMap<>(message.headers());
        AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder()
                .messageId(message.deliveryId())
                .contentType(message.contentType())
                .deliveryMode(2)
                .timestamp(new Date())
                .type(message.signal())
                .headers(headers)
                .build();
        Channel channel = null;
        try {
            channel = channel();
            if (exchange == null && !checkedQueues.contains(queue)) {
                channel.queueDeclarePassive(queue);
                checkedQueues.add(queue);
            }
            channel.basicPublish(exchange == null ? "" : exchange, routingKey, properties, message.body());
            channel.waitForConfirmsOrDie(Math.max(1, message.timeout().toMillis()));
            idle.offer(channel);
            channel = null;
        } catch (TimeoutException e) {
            throw new BrokerException(
                    "rabbitmq did not confirm within " + message.timeout().toMillis() + " ms", true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerException("interrupted while waiting for the rabbitmq confirm", true, e);
        } catch (IOException | RuntimeException e) {
            ShutdownSignalException shutdown = shutdownIn(e);
            if (shutdown != null
                    && shutdown.getReason() instanceof AMQP.Channel.Close close
                    && close.getReplyCode() == AMQP.NOT_FOUND) {
                if (queue != null) {
                    checkedQueues.remove(queue);
                }
                throw new BrokerException("rabbitmq refused the message: " + close.getReplyText(), false, e);
            }
            throw new BrokerException("rabbitmq publish failed: " + describe(e), true, e);
        } finally {
            if (channel != null) {
                closeQuietly(channel);
            }
        }
    }

    private Channel channel() throws IOException {
        Channel channel;
        while ((channel = idle.poll()) != null) {
            if (channel.isOpen()) {
                return channel;
            }
        }
        channel = connection.createChannel();
        if (channel == null) {
            throw new IOException("no channel available on the rabbitmq connection");
        }
        channel.confirmSelect();
        return channel;
    }

    @Override
    public boolean isConnected() {
        return connection.isOpen();
    }

    @Override
    public void close() {
        Channel channel;
        while ((channel = idle.poll()) != null) {
            closeQuietly(channel);
        }
        try {
            connection.close(2_000);
        } catch (IOException | RuntimeException e) {
            connection.abort(1_000);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static void closeQuietly(Channel channel) {
        try {
            if (channel.isOpen()) {
                channel.abort();
            }
        } catch (IOException | RuntimeException ignored) {
            // the channel is gone either way
        }
    }

    private static ShutdownSignalException shutdownIn(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ShutdownSignalException s) {
                return s;
            }
        }
        return null;
    }

    private static String describe(Throwable e) {
        ShutdownSignalException shutdown = shutdownIn(e);
        if (shutdown != null && shutdown.getReason() instanceof AMQP.Channel.Close close) {
            return close.getReplyText();
        }
        if (shutdown != null && shutdown.getReason() instanceof AMQP.Connection.Close close) {
            return close.getReplyText();
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
