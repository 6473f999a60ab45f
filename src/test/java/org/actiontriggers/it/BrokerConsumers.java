package org.actiontriggers.it;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.actiontriggers.it.brokers.ReceivedMessage;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.resps.StreamEntry;

/**
 * Real consumers of the test brokers, one small helper per broker type, so that each end-to-end case reads
 * back what was published exactly as an application would. Each survives a restart of its broker: it
 * reconnects on the next read.
 */
final class BrokerConsumers {

    private BrokerConsumers() {}

    /** One message as a consumer saw it. */
    record Received(
            String deliveryId, String signal, String entityType, String entityId, String contentType, String body) {}

    /** What every helper offers: the messages read so far (reading more now), and clean-up. */
    interface Consumer extends AutoCloseable {
        /** Every message received since the consumer was made, oldest first; reads what arrived since the last call. */
        List<Received> received();

        /** Whether the consumer is ready to see messages published from now on. */
        default boolean ready() {
            return true;
        }

        @Override
        void close();
    }

    /** A durable RabbitMQ queue, optionally bound to a topic exchange; read with basic.get. */
    static Consumer rabbitQueue(String queue, String exchange, String routingKey) {
        return new RabbitConsumer(queue, exchange, routingKey);
    }

    /** A Redis stream, read with XRANGE. */
    static Consumer redisStream(String stream) {
        return new RedisStreamConsumer(stream);
    }

    /** A Redis pub/sub channel: a subscriber thread; only messages published while it listens arrive. */
    static Consumer redisChannel(String channel) {
        return new RedisChannelConsumer(channel);
    }

    /**
     * A consumer of the brokers-clients helpers (Kafka, NATS, MQTT): {@code poll} reads what arrived within a
     * short wait and returns everything read so far.
     */
    static Consumer of(java.util.function.Supplier<List<ReceivedMessage>> poll, AutoCloseable helper) {
        return new Consumer() {
            @Override
            public List<Received> received() {
                return poll.get().stream()
                        .map(m -> new Received(
                                m.deliveryId(),
                                header(m, "action-triggers-signal"),
                                header(m, "action-triggers-entity-type"),
                                m.entityId(),
                                header(m, "content-type"),
                                m.bodyText()))
                        .toList();
            }

            @Override
            public void close() {
                try {
                    helper.close();
                } catch (Exception ignored) {
                    // best effort clean-up
                }
            }
        };
    }

    /** A header whatever its case: NATS writes {@code Content-Type}, Kafka and MQTT {@code content-type}. */
    private static String header(ReceivedMessage message, String name) {
        return message.headers().entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(null);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static final class RabbitConsumer implements Consumer {
        private final String queue;
        private final String exchange;
        private final String routingKey;
        private final List<Received> received = new ArrayList<>();
        private Connection connection;
        private Channel channel;

        RabbitConsumer(String queue, String exchange, String routingKey) {
            this.queue = queue;
            this.exchange = exchange;
            this.routingKey = routingKey;
            channel();
        }

        private Channel channel() {
            if (channel != null && channel.isOpen()) {
                return channel;
            }
            try {
                if (connection == null || !connection.isOpen()) {
                    ConnectionFactory factory = new ConnectionFactory();
                    factory.setHost("127.0.0.1");
                    factory.setPort(5672);
                    factory.setAutomaticRecoveryEnabled(false);
                    connection = factory.newConnection("action-triggers-it-consumer");
                }
                channel = connection.createChannel();
                channel.queueDeclare(queue, true, false, false, null);
                if (exchange != null) {
                    channel.exchangeDeclare(exchange, BuiltinExchangeType.TOPIC, true);
                    channel.queueBind(queue, exchange, routingKey);
                }
                return channel;
            } catch (Exception e) {
                throw new IllegalStateException("RabbitMQ consumer cannot connect", e);
            }
        }

        @Override
        public synchronized List<Received> received() {
            try {
                Channel c = channel();
                GetResponse message;
                while ((message = c.basicGet(queue, true)) != null) {
                    AMQP.BasicProperties p = message.getProps();
                    Map<String, Object> headers = p.getHeaders() == null ? Map.of() : p.getHeaders();
                    received.add(new Received(
                            p.getMessageId(),
                            text(headers.get("action-triggers-signal")),
                            text(headers.get("action-triggers-entity-type")),
                            text(headers.get("action-triggers-entity-id")),
                            p.getContentType(),
                            new String(message.getBody(), StandardCharsets.UTF_8)));
                    if (!p.getMessageId().equals(text(headers.get("action-triggers-delivery-id")))) {
                        throw new AssertionError("message id and delivery-id header differ");
                    }
                    if (p.getDeliveryMode() == null || p.getDeliveryMode() != 2) {
                        throw new AssertionError("message is not persistent");
                    }
                }
            } catch (IllegalStateException | java.io.IOException | com.rabbitmq.client.ShutdownSignalException e) {
                // broker down: what was read so far is the answer; the next read reconnects
            }
            return List.copyOf(received);
        }

        @Override
        public void close() {
            try {
                Channel c = channel();
                c.queueDelete(queue);
                if (exchange != null) {
                    c.exchangeDelete(exchange);
                }
                connection.close();
            } catch (Exception ignored) {
                // best effort clean-up
            }
        }
    }

    private static final class RedisStreamConsumer implements Consumer {
        private final String stream;

        RedisStreamConsumer(String stream) {
            this.stream = stream;
            try (Jedis jedis = new Jedis("127.0.0.1", 6379)) {
                jedis.del(stream);
            }
        }

        @Override
        public List<Received> received() {
            List<Received> all = new ArrayList<>();
            try (Jedis jedis = new Jedis("127.0.0.1", 6379)) {
                for (StreamEntry entry : jedis.xrange(stream, "-", "+")) {
                    Map<String, String> f = entry.getFields();
                    all.add(new Received(
                            f.get("action-triggers-delivery-id"),
                            f.get("action-triggers-signal"),
                            f.get("action-triggers-entity-type"),
                            f.get("action-triggers-entity-id"),
                            f.get("content-type"),
                            f.get("body")));
                }
            } catch (RuntimeException e) {
                return List.of();
            }
            return all;
        }

        @Override
        public void close() {
            try (Jedis jedis = new Jedis("127.0.0.1", 6379)) {
                jedis.del(stream);
            } catch (RuntimeException ignored) {
                // best effort clean-up
            }
        }
    }

    private static final class RedisChannelConsumer implements Consumer {
        private final List<Received> received = new CopyOnWriteArrayList<>();
        private final AtomicBoolean subscribed = new AtomicBoolean();
        private final JedisPubSub subscriber = new JedisPubSub() {
            @Override
            public void onMessage(String channel, String message) {
                received.add(new Received(null, null, null, null, null, message));
            }

            @Override
            public void onSubscribe(String channel, int count) {
                subscribed.set(true);
            }
        };
        private final Jedis jedis = new Jedis("127.0.0.1", 6379);
        private final Thread thread;

        RedisChannelConsumer(String channel) {
            thread = new Thread(() -> jedis.subscribe(subscriber, channel), "redis-channel-" + channel);
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public boolean ready() {
            return subscribed.get();
        }

        @Override
        public List<Received> received() {
            return List.copyOf(received);
        }

        @Override
        public void close() {
            try {
                subscriber.unsubscribe();
            } catch (RuntimeException ignored) {
                // already gone
            }
            jedis.close();
        }
    }
}
