package org.actiontriggers.deliver.broker;

import static org.actiontriggers.deliver.broker.BrokerMessages.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.actiontriggers.it.brokers.ClientAloneThroughput;
import org.actiontriggers.it.brokers.KafkaTestBroker;
import org.actiontriggers.it.brokers.KafkaTestConsumer;
import org.actiontriggers.it.brokers.ReceivedMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link KafkaBrokerClient} against a real single-node Kafka broker ({@link KafkaTestBroker}). */
class KafkaBrokerClientIT {

    private static KafkaTestBroker broker;
    private static KafkaBrokerClient client;

    @BeforeAll
    static void startBroker() {
        broker = KafkaTestBroker.shared();
        client = new KafkaBrokerClient(Map.of("bootstrap_servers", broker.bootstrapServers()));
    }

    @AfterAll
    static void closeClient() {
        if (client != null) {
            client.close();
        }
    }

    private static String newTopic() {
        String topic = "it-" + UUID.randomUUID();
        broker.createTopic(topic, KafkaTestBroker.DEFAULT_PARTITIONS);
        return topic;
    }

    @Test
    void publishedMessageIsReadBackWithKeyAndHeaders() throws Exception {
        String topic = newTopic();
        BrokerMessage sent = message("42", "{\"quantity\":3}", Map.of("topic", topic));

        client.publish(sent);

        try (KafkaTestConsumer consumer = new KafkaTestConsumer(broker.bootstrapServers(), topic)) {
            List<ReceivedMessage> got = consumer.awaitMessages(1, Duration.ofSeconds(30));
            assertThat(got).hasSize(1);
            ReceivedMessage received = got.get(0);
            assertThat(received.bodyText()).isEqualTo("{\"quantity\":3}");
            assertThat(received.key()).isEqualTo("demo.sale:42");
            assertThat(received.deliveryId()).isEqualTo(sent.deliveryId());
            assertThat(received.header("action-triggers-signal")).isEqualTo("post_save");
            assertThat(received.header("action-triggers-entity-type")).isEqualTo("demo.sale");
            assertThat(received.header("action-triggers-entity-id")).isEqualTo("42");
            assertThat(received.header("content-type")).isEqualTo("application/json");
        }
        assertThat(client.isConnected()).isTrue();
    }

    @Test
    void thousandUpdatesOfTenEntitiesArriveInPerEntityOrder() throws Exception {
        String topic = newTopic();
        int entities = 10;
        int updatesPerEntity = 100;
        ExecutorService publishers = Executors.newFixedThreadPool(entities);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int entity = 0; entity < entities; entity++) {
                String entityId = Integer.toString(entity);
                done.add(publishers.submit(() -> {
                    for (int update = 0; update < updatesPerEntity; update++) {
                        client.publish(message(entityId, Integer.toString(update), Map.of("topic", topic)));
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            publishers.shutdownNow();
        }

        try (KafkaTestConsumer consumer = new KafkaTestConsumer(broker.bootstrapServers(), topic)) {
            List<ReceivedMessage> got = consumer.awaitMessages(entities * updatesPerEntity, Duration.ofSeconds(60));
            assertThat(got).hasSize(entities * updatesPerEntity);
            Map<String, List<Integer>> updatesByEntity = new HashMap<>();
            Map<String, String> partitionByEntity = new HashMap<>();
            for (ReceivedMessage received : got) {
                updatesByEntity
                        .computeIfAbsent(received.entityId(), id -> new ArrayList<>())
                        .add(Integer.parseInt(received.bodyText()));
                partitionByEntity.merge(received.entityId(), received.header("kafka-partition"), (a, b) -> {
                    assertThat(b)
                            .as("partition of entity %s", received.entityId())
                            .isEqualTo(a);
                    return a;
                });
            }
            assertThat(updatesByEntity).hasSize(entities);
            List<Integer> inOrder = java.util.stream.IntStream.range(0, updatesPerEntity)
                    .boxed()
                    .toList();
            updatesByEntity.forEach((entity, updates) ->
                    assertThat(updates).as("updates of entity %s", entity).isEqualTo(inOrder));
            assertThat(partitionByEntity.values())
                    .as("entities spread over partitions")
                    .hasSizeGreaterThan(1);
        }
    }

    @Test
    void clientAloneThroughputCountsOnlyAcknowledgedMessages() throws Exception {
        String topic = newTopic();
        ClientAloneThroughput.Result result =
                ClientAloneThroughput.measure("kafka", client, Map.of("topic", topic), 2000, 4, 200);
        try (KafkaTestConsumer consumer = new KafkaTestConsumer(broker.bootstrapServers(), topic)) {
            int sent = 2000 + 200; // with the warm-up
            List<ReceivedMessage> got = consumer.awaitMessages(sent, Duration.ofSeconds(60));
            assertThat(got.stream().map(ReceivedMessage::deliveryId).distinct()).hasSize(sent);
        }
        assertThat(result.messagesPerSecond()).isPositive();
        System.out.println("Kafka client alone: " + result);
    }

    @Test
    void refusedRecordIsNotRetryable() {
        BrokerMessage invalidTopic = message("1", "{}", Map.of("topic", "no spaces allowed"));
        assertThatThrownBy(() -> client.publish(invalidTopic))
                .isInstanceOfSatisfying(
                        BrokerException.class, e -> assertThat(e.retryable()).isFalse());

        String topic = newTopic();
        BrokerMessage tooLarge = message("1", "x".repeat(2 * 1024 * 1024), Map.of("topic", topic));
        assertThatThrownBy(() -> client.publish(tooLarge))
                .isInstanceOfSatisfying(
                        BrokerException.class, e -> assertThat(e.retryable()).isFalse());
        BrokerMessage noTopic = message("1", "{}", Map.of());
        assertThatThrownBy(() -> client.publish(noTopic))
                .isInstanceOfSatisfying(
                        BrokerException.class, e -> assertThat(e.retryable()).isFalse())
                .hasMessageContaining("'topic'");
    }

    @Test
    void brokerRestartFailsPublishesRetryablyThenRecovers() throws Exception {
        KafkaTestBroker own = KafkaTestBroker.create();
        own.start();
        String topic = "drill-" + UUID.randomUUID();
        own.createTopic(topic, 1);
        try (KafkaBrokerClient drilled = new KafkaBrokerClient(Map.of("bootstrap_servers", own.bootstrapServers()))) {
            BrokerMessage before = message("1", "before", Map.of("topic", topic));
            drilled.publish(before);
            await().atMost(Duration.ofSeconds(10)).until(drilled::isConnected);

            own.stop();
            await().atMost(Duration.ofSeconds(30)).until(() -> !drilled.isConnected());
            BrokerMessage during = message("1", "during", Map.of("topic", topic), Duration.ofSeconds(2));
            assertThatThrownBy(() -> drilled.publish(during))
                    .isInstanceOfSatisfying(
                            BrokerException.class,
                            e -> assertThat(e.retryable()).isTrue());

            own.start();
            BrokerMessage after = message("1", "after", Map.of("topic", topic));
            drilled.publish(after);
            assertThat(drilled.isConnected()).isTrue();

            try (KafkaTestConsumer consumer = new KafkaTestConsumer(own.bootstrapServers(), topic)) {
                List<String> bodies = consumer.awaitMessages(2, Duration.ofSeconds(30)).stream()
                        .map(ReceivedMessage::bodyText)
                        .toList();
                assertThat(bodies).startsWith("before").contains("after");
            }
        } finally {
            own.stop();
        }
    }
}
