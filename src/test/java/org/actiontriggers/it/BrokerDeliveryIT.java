package org.actiontriggers.it;

import static org.actiontriggers.it.TriggerBuilder.seedPayload;
import static org.actiontriggers.it.TriggerBuilder.trigger;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.actiontriggers.deliver.broker.BrokerException;
import org.actiontriggers.deliver.broker.BrokerMessage;
import org.actiontriggers.deliver.broker.KafkaBrokerClient;
import org.actiontriggers.deliver.broker.MqttBrokerClient;
import org.actiontriggers.deliver.broker.NatsBrokerClient;
import org.actiontriggers.demo.Sale;
import org.actiontriggers.it.brokers.KafkaTestBroker;
import org.actiontriggers.it.brokers.KafkaTestConsumer;
import org.actiontriggers.it.brokers.MosquittoTestBroker;
import org.actiontriggers.it.brokers.MqttTestSubscriber;
import org.actiontriggers.it.brokers.NatsTestServer;
import org.actiontriggers.it.brokers.NatsTestSubscriber;
import org.actiontriggers.it.brokers.ReceivedMessage;
import org.actiontriggers.monitoring.BrokerReadiness;
import org.actiontriggers.outbox.Attempt;
import org.actiontriggers.outbox.Delivery;
import org.actiontriggers.outbox.DeliveryState;
import org.actiontriggers.secret.SecretMasker;
import org.actiontriggers.trigger.BrokerQueueDestination;
import org.actiontriggers.trigger.BrokerQueueDraft;
import org.actiontriggers.trigger.Config;
import org.actiontriggers.trigger.ConfigDraft;
import org.actiontriggers.trigger.ConfigDraft.ContentTypeDraft;
import org.actiontriggers.trigger.ConfigService;
import org.actiontriggers.trigger.MessageBrokerQueue;
import org.actiontriggers.trigger.Signal;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Broker queues end to end, on a real Payara Micro with the real brokers of this machine and CI, each read
 * back by a real consumer ({@link BrokerConsumers}): the seed scenario per broker type and form, and the
 * drill of a broker stopped while sales are recorded and started again. Each broker type is one more case.
 *
 * <p>The retry schedule is longer here than in the other tests (about 40 s of rounds), so that an outage of
 * a broker restart is bridged by the durable schedule rather than dead-lettered.
 */
@ExtendWith(ArquillianExtension.class)
class BrokerDeliveryIT extends ShopFixture {

    private static final Logger LOG = Logger.getLogger(BrokerDeliveryIT.class.getName());
    private static final Duration RESTARTED = Duration.ofSeconds(90);

    private static final String NATS = NatsTestServer.MACHINE_SERVER;

    /** Ports of the drills' own brokers, fixed because the settings are written before the server boots. */
    private static final int KAFKA_DRILL_PORT = 19_092;

    private static final int NATS_DRILL_PORT = 14_222;

    private static final int MQTT_DRILL_PORT = 11_883;

    /**
     * Also starts the Kafka test broker (no Kafka runs on this machine) in this client JVM, before the server,
     * so that its address can go into the settings.
     */
    @Deployment
    static WebArchive deployment() {
        String kafka = KafkaTestBroker.shared().bootstrapServers();
        return Deployments.application(String.join(
                        "\n",
                        "action-triggers.retry-schedule=0s,1s,2s,2s,5s,5s,5s,5s,5s,5s,5s",
                        "action-triggers.brokers.it-kafka.type=kafka",
                        "action-triggers.brokers.it-kafka.conn.bootstrap_servers=" + kafka,
                        "action-triggers.brokers.it-nats.type=nats",
                        "action-triggers.brokers.it-nats.conn.servers=" + NATS,
                        "action-triggers.brokers.it-mqtt.type=mqtt",
                        "action-triggers.brokers.it-mqtt.conn.host=" + MosquittoTestBroker.MACHINE_HOST,
                        "action-triggers.brokers.it-mqtt.conn.port=" + MosquittoTestBroker.MACHINE_PORT,
                        "action-triggers.brokers.it-kafka-drill.type=kafka",
                        "action-triggers.brokers.it-kafka-drill.conn.bootstrap_servers=127.0.0.1:" + KAFKA_DRILL_PORT,
                        "action-triggers.brokers.it-nats-drill.type=nats",
                        "action-triggers.brokers.it-nats-drill.conn.servers=nats://127.0.0.1:" + NATS_DRILL_PORT,
                        "action-triggers.brokers.it-mqtt-drill.type=mqtt",
                        "action-triggers.brokers.it-mqtt-drill.conn.host=127.0.0.1",
                        "action-triggers.brokers.it-mqtt-drill.conn.port=" + MQTT_DRILL_PORT,
                        ""))
                .addPackage(ReceivedMessage.class.getPackage());
    }

    private static String kafkaServers() {
        return ConfigProvider.getConfig()
                .getValue("action-triggers.brokers.it-kafka.conn.bootstrap_servers", String.class);
    }

    @Inject
    ConfigService configService;

    @Inject
    @Readiness
    BrokerReadiness brokerReadiness;

    /** This test's queue, stream, topic or subject name. */
    private String name;

    @BeforeEach
    void nameThisTestsQueue(TestInfo test) {
        name = "at-it-" + test.getTestMethod().orElseThrow().getName() + "-" + System.nanoTime();
    }

    @Test
    void rabbitMqQueueGetsTheSeedScenarioMessage() {
        try (BrokerConsumers.Consumer consumer = BrokerConsumers.rabbitQueue(name, null, null)) {
            seedScenario(
                    consumer,
                    new MessageBrokerQueue(
                            null,
                            "it-rabbit",
                            Map.of("password", "{{ org.actiontriggers.it.TestSecrets.brokerPassword }}"),
                            Map.of("queue", name),
                            null),
                    true);
        }
    }

    @Test
    void rabbitMqExchangeWithRoutingKeyGetsTheSeedScenarioMessage() {
        String exchange = name + "-exchange";
        try (BrokerConsumers.Consumer consumer = BrokerConsumers.rabbitQueue(name, exchange, "shop.sale.*")) {
            seedScenario(
                    consumer,
                    new MessageBrokerQueue(
                            null,
                            "it-rabbit",
                            Map.of(),
                            Map.of("exchange", exchange, "routing_key", "shop.sale.new"),
                            3.0),
                    true);
        }
    }

    @Test
    void redisStreamGetsTheSeedScenarioMessage() {
        try (BrokerConsumers.Consumer consumer = BrokerConsumers.redisStream(name)) {
            seedScenario(
                    consumer, new MessageBrokerQueue(null, "it-redis", Map.of(), Map.of("stream", name), null), true);
        }
    }

    @Test
    void redisChannelGetsTheSeedScenarioBodyAsDatPublishesIt() {
        try (BrokerConsumers.Consumer consumer = BrokerConsumers.redisChannel(name)) {
            await().atMost(Duration.ofSeconds(10)).until(consumer::ready);
            // the stream is the definition's default parameter; a queue's channel replaces it
            seedScenario(
                    consumer,
                    new MessageBrokerQueue(null, "it-redis", Map.of(), Map.of("stream", "", "channel", name), null),
                    false);
        }
    }

    @Test
    void kafkaTopicGetsTheSeedScenarioMessageKeyedByEntity() {
        KafkaTestConsumer kafka = new KafkaTestConsumer(kafkaServers(), name);
        try (BrokerConsumers.Consumer consumer =
                BrokerConsumers.of(() -> kafka.awaitMessages(Integer.MAX_VALUE, Duration.ofMillis(300)), kafka)) {
            seedScenario(
                    consumer, new MessageBrokerQueue(null, "it-kafka", Map.of(), Map.of("topic", name), null), true);
            assertThat(kafka.received())
                    .singleElement()
                    .satisfies(m -> assertThat(m.key()).isEqualTo("Sale:" + m.entityId()));
        }
    }

    @Test
    void natsJetStreamGetsTheSeedScenarioMessage() {
        String subject = "it." + name;
        String stream = ("IT_" + name).replace('-', '_').toUpperCase(java.util.Locale.ROOT);
        try {
            NatsTestSubscriber.createStream(NATS, stream, subject);
            NatsTestSubscriber nats = NatsTestSubscriber.jetStream(NATS, stream);
            try (BrokerConsumers.Consumer consumer =
                    BrokerConsumers.of(() -> nats.awaitMessages(Integer.MAX_VALUE, Duration.ofMillis(300)), nats)) {
                seedScenario(
                        consumer,
                        new MessageBrokerQueue(null, "it-nats", Map.of(), Map.of("subject", subject), null),
                        true);
            }
        } finally {
            NatsTestSubscriber.deleteStream(NATS, stream);
        }
    }

    @Test
    void mqttTopicGetsTheSeedScenarioMessage() {
        String topic = "it/" + name;
        MqttTestSubscriber mqtt =
                new MqttTestSubscriber(MosquittoTestBroker.MACHINE_HOST, MosquittoTestBroker.MACHINE_PORT, topic);
        try (BrokerConsumers.Consumer consumer =
                BrokerConsumers.of(() -> mqtt.awaitMessages(Integer.MAX_VALUE, Duration.ofMillis(300)), mqtt)) {
            seedScenario(
                    consumer, new MessageBrokerQueue(null, "it-mqtt", Map.of(), Map.of("topic", topic), null), true);
        }
    }

    /**
     * An {@code ordered} config: 1,000 updates of 10 sales (100 each, interleaved) reach Kafka in each entity's
     * order — one entity's messages share a key, so a partition, and go one after another.
     */
    @Test
    void kafkaGetsAThousandUpdatesOfTenEntitiesInPerEntityOrder() {
        List<Sale> sales = createSales(10);
        Config config = seedConfig(new MessageBrokerQueue(null, "it-kafka", Map.of(), Map.of("topic", name), null));
        config.setOrdered(true);
        configs.save(config);
        long t0 = System.nanoTime();
        for (int round = 1; round <= 100; round++) {
            for (Sale sale : sales) {
                shop.changeQuantity(sale.getId(), round).orElseThrow();
            }
        }
        long recorded = System.nanoTime();

        try (KafkaTestConsumer kafka = new KafkaTestConsumer(kafkaServers(), name)) {
            List<ReceivedMessage> messages = kafka.awaitMessages(1000, Duration.ofSeconds(180));
            long arrived = System.nanoTime();
            assertThat(messages).hasSize(1000);
            LOG.info(() -> "Kafka order: 1000 updates recorded in " + (recorded - t0) / 1_000_000 + " ms, all read "
                    + (arrived - t0) / 1_000_000 + " ms after the first");
            Map<String, List<Integer>> quantities = new java.util.HashMap<>();
            for (ReceivedMessage message : messages) {
                int quantity = Json.createReader(new StringReader(message.bodyText()))
                        .readObject()
                        .getInt("quantity");
                quantities
                        .computeIfAbsent(message.entityId(), id -> new ArrayList<>())
                        .add(quantity);
                assertThat(message.key()).isEqualTo("Sale:" + message.entityId());
            }
            assertThat(quantities).hasSize(10);
            List<Integer> inOrder =
                    java.util.stream.IntStream.rangeClosed(1, 100).boxed().toList();
            quantities.forEach((entity, seen) ->
                    assertThat(seen).as("quantities of Sale " + entity).isEqualTo(inOrder));
            assertThat(messages.stream().map(ReceivedMessage::deliveryId).distinct())
                    .hasSize(1000);
        }
    }

    @Test
    void aMaskedPasswordWrittenBackKeepsTheStoredOne() {
        BrokerQueueDraft queue =
                new BrokerQueueDraft("it-rabbit", Map.of("password", "guest"), Map.of("queue", name), null);
        ConfigDraft draft = new ConfigDraft(
                true, null, List.of("post_save"), List.of(ContentTypeDraft.of("Sale")), List.of(), List.of(queue));
        Config created = configService.create(draft, "it");

        BrokerQueueDraft masked = new BrokerQueueDraft(
                "it-rabbit", Map.of("password", SecretMasker.MASK), Map.of("queue", name + "-2"), null);
        configService.replace(
                created.getId(),
                new ConfigDraft(
                        true,
                        null,
                        List.of("post_save"),
                        List.of(ContentTypeDraft.of("Sale")),
                        List.of(),
                        List.of(masked)));

        MessageBrokerQueue stored = configService
                .find(created.getId())
                .orElseThrow()
                .getBrokerQueues()
                .get(0);
        assertThat(stored.getConnDetails()).containsEntry("password", "guest");
        assertThat(stored.getParameters()).containsEntry("queue", name + "-2");
    }

    @Test
    void aRefusedMessageFailsAtOnceWithTheBrokersReason() {
        Config config = seedConfig(new MessageBrokerQueue(
                null, "it-rabbit", Map.of(), Map.of("exchange", name + "-missing-exchange"), null));
        configs.save(config);

        Sale sale = sale(1);

        await().atMost(DELIVERED)
                .until(() -> deliveriesOf(sale).size() == 1
                        && deliveriesOf(sale).get(0).getState() == DeliveryState.FAILED);
        Delivery failed = deliveriesOf(sale).get(0);
        assertThat(failed.getAttempts()).isEqualTo(1);
        assertThat(failed.getLastError()).contains("refused", "NOT_FOUND");
        assertThat(attemptsOf(failed))
                .singleElement()
                .satisfies(a -> assertThat(a.getErrorKind()).isEqualTo("refused"));
    }

    @Test
    void rabbitMqStoppedThenStartedLosesNothing() {
        try (BrokerConsumers.Consumer consumer = BrokerConsumers.rabbitQueue(name, null, null)) {
            outageDrill(
                    consumer,
                    new MessageBrokerQueue(null, "it-rabbit", Map.of(), Map.of("queue", name), null),
                    () -> {
                        run("rabbitmqctl", "stop_app");
                        // readiness shows the broker down but stays UP: the outbox holds the messages
                        await().atMost(DELIVERED).untilAsserted(() -> {
                            HealthCheckResponse health = brokerReadiness.call();
                            assertThat(health.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
                            assertThat(health.getData().orElseThrow()).containsEntry("it-rabbit", "rabbitmq down");
                        });
                    },
                    () -> run("rabbitmqctl", "start_app"),
                    true);
        }
    }

    @Test
    void redisStoppedThenStartedLosesNothing() {
        try (BrokerConsumers.Consumer consumer = BrokerConsumers.redisStream(name)) {
            // Redis keeps nothing on disk here: the warm-up entry goes with the restart
            outageDrill(
                    consumer,
                    new MessageBrokerQueue(null, "it-redis", Map.of(), Map.of("stream", name), null),
                    () -> run("redis-cli", "-h", "127.0.0.1", "-p", "6379", "shutdown", "nosave"),
                    () -> run(
                            "redis-server",
                            "--daemonize",
                            "yes",
                            "--bind",
                            "127.0.0.1",
                            "-::1",
                            "--port",
                            "6379",
                            "--save",
                            "",
                            "--appendonly",
                            "no",
                            "--dir",
                            "/var/lib/redis",
                            "--logfile",
                            "/var/log/redis/ci.log"),
                    false);
        }
    }

    /** On a Kafka broker of this test's own (the shared one and the machine's services stay up). */
    @Test
    void kafkaStoppedThenStartedLosesNothing() {
        KafkaTestBroker broker = KafkaTestBroker.create(KAFKA_DRILL_PORT);
        broker.start();
        KafkaTestConsumer kafka = new KafkaTestConsumer(broker.bootstrapServers(), name);
        try (BrokerConsumers.Consumer consumer =
                BrokerConsumers.of(() -> kafka.awaitMessages(Integer.MAX_VALUE, Duration.ofMillis(300)), kafka)) {
            outageDrill(
                    consumer,
                    new MessageBrokerQueue(null, "it-kafka-drill", Map.of(), Map.of("topic", name), null),
                    broker::stop,
                    broker::start,
                    true);
        } finally {
            broker.stop();
        }
    }

    @Test
    void natsStoppedThenStartedLosesNothing() {
        NatsTestServer server = NatsTestServer.start(NATS_DRILL_PORT);
        String subject = "drill." + name;
        String stream = ("DRILL_" + name).replace('-', '_').toUpperCase(java.util.Locale.ROOT);
        try {
            NatsTestSubscriber.createStream(server.url(), stream, subject);
            NatsTestSubscriber nats = NatsTestSubscriber.jetStream(server.url(), stream);
            try (BrokerConsumers.Consumer consumer =
                    BrokerConsumers.of(() -> nats.awaitMessages(Integer.MAX_VALUE, Duration.ofMillis(300)), nats)) {
                outageDrill(
                        consumer,
                        new MessageBrokerQueue(null, "it-nats-drill", Map.of(), Map.of("subject", subject), null),
                        server::stop,
                        server::restart,
                        true);
            }
        } finally {
            server.stop();
        }
    }

    /**
     * On a Mosquitto of this test's own. The subscriber keeps a persistent QoS 1 session through the restart, so
     * every message the broker acknowledged reaches it, whether it arrives before or after the subscriber is back.
     */
    @Test
    void mqttStoppedThenStartedLosesNothing() {
        MosquittoTestBroker broker = MosquittoTestBroker.start(MQTT_DRILL_PORT);
        String topic = "drill/" + name;
        try {
            MqttTestSubscriber mqtt = new MqttTestSubscriber(broker.host(), broker.port(), topic);
            try (BrokerConsumers.Consumer consumer =
                    BrokerConsumers.of(() -> mqtt.awaitMessages(Integer.MAX_VALUE, Duration.ofMillis(300)), mqtt)) {
                outageDrill(
                        consumer,
                        new MessageBrokerQueue(null, "it-mqtt-drill", Map.of(), Map.of("topic", topic), null),
                        broker::stop,
                        broker::restart,
                        true);
            }
        } finally {
            broker.stop();
        }
    }

    /**
     * The outage drill, one case per broker type: a warm-up message (so the shared connection exists), the
     * broker stopped, five sales recorded while the attempt log fills with failures, the broker started — and
     * every message arrives, at least once, each copy with its delivery's id.
     *
     * @param warmUpKept whether the broker keeps the warm-up message across its restart
     */
    private void outageDrill(
            BrokerConsumers.Consumer consumer,
            MessageBrokerQueue queue,
            Runnable stop,
            Runnable start,
            boolean warmUpKept) {
        configs.save(seedConfig(queue));
        Sale warmUp = sale(1);
        await().atMost(DELIVERED).until(() -> consumer.received().size() == 1);

        stop.run();
        List<Sale> sales;
        try {
            sales = createSales(5);
            awaitFailedAttempts(sales);
        } finally {
            start.run();
        }

        awaitAllArrived(consumer, sales, warmUpKept ? warmUp : null);
    }

    /** Creates a Sale and checks the one message a real consumer reads back: rendered payload and metadata. */
    private void seedScenario(BrokerConsumers.Consumer consumer, MessageBrokerQueue queue, boolean withMetadata) {
        configs.save(seedConfig(queue));

        Sale sale = sale(3);

        await().atMost(DELIVERED).until(() -> consumer.received().size() == 1);
        await().atMost(DELIVERED)
                .until(() -> deliveriesOf(sale).size() == 1
                        && deliveriesOf(sale).get(0).getState() == DeliveryState.SUCCEEDED);
        Delivery delivery = deliveriesOf(sale).get(0);
        BrokerConsumers.Received message = consumer.received().get(0);
        JsonObject body = Json.createReader(new StringReader(message.body())).readObject();
        assertThat(body.getString("customer_name")).isEqualTo("Ann O'Brien");
        assertThat(body.getString("product_name")).isEqualTo("Widget");
        assertThat(body.getInt("quantity")).isEqualTo(3);
        if (withMetadata) {
            assertThat(message.deliveryId()).isEqualTo(delivery.getId());
            assertThat(message.signal()).isEqualTo("post_save");
            assertThat(message.entityType()).isEqualTo("Sale");
            assertThat(message.entityId()).isEqualTo(sale.getId().toString());
            assertThat(message.contentType()).startsWith("application/json");
        }
        assertThat(delivery.getDestination()).isInstanceOfSatisfying(BrokerQueueDestination.class, destination -> {
            assertThat(destination.kind()).isEqualTo("BROKER");
            assertThat(destination.brokerName()).isEqualTo(queue.getName());
            assertThat(destination.brokerQueueId()).isEqualTo(queue.getId());
        });
        assertThat(delivery.getUrl()).isEqualTo("broker:" + queue.getName());
        assertThat(attemptsOf(delivery)).singleElement().satisfies(a -> {
            assertThat(a.getErrorKind()).isNull();
            assertThat(a.getUrl()).isEqualTo("broker:" + queue.getName());
        });
        await().during(Duration.ofMillis(500))
                .atMost(Duration.ofSeconds(2))
                .until(() -> consumer.received().size() == 1);
    }

    private static Config seedConfig(MessageBrokerQueue queue) {
        return trigger("Sale", Signal.POST_SAVE)
                .payload(seedPayload())
                .queue(queue)
                .build();
    }

    private List<Sale> createSales(int count) {
        List<Sale> sales = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            sales.add(sale(10 + i));
        }
        return sales;
    }

    /** While the broker is down, every delivery's log shows at least one failed attempt. */
    private void awaitFailedAttempts(List<Sale> sales) {
        await().atMost(DELIVERED)
                .until(() -> sales.stream()
                        .allMatch(sale -> deliveriesOf(sale).size() == 1
                                && attemptsOf(deliveriesOf(sale).get(0)).stream()
                                        .anyMatch(a -> a.getErrorKind() != null)));
    }

    /** After the restart: every delivery succeeded and its id reached the consumer, at least once. */
    private void awaitAllArrived(BrokerConsumers.Consumer consumer, List<Sale> sales, Sale warmUp) {
        long restarted = System.nanoTime();
        await().atMost(RESTARTED)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> sales.stream()
                        .allMatch(sale -> deliveriesOf(sale).get(0).getState() == DeliveryState.SUCCEEDED));
        Set<String> ids =
                sales.stream().map(sale -> deliveriesOf(sale).get(0).getId()).collect(Collectors.toSet());
        await().atMost(DELIVERED)
                .until(() -> consumer.received().stream()
                        .map(BrokerConsumers.Received::deliveryId)
                        .collect(Collectors.toSet())
                        .containsAll(ids));
        Set<String> expected = new java.util.HashSet<>(ids);
        if (warmUp != null) {
            expected.add(deliveriesOf(warmUp).get(0).getId());
        }
        assertThat(consumer.received())
                .extracting(BrokerConsumers.Received::deliveryId)
                .allMatch(expected::contains);
        long drained = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - restarted);
        int attempts = sales.stream()
                .mapToInt(sale -> attemptsOf(deliveriesOf(sale).get(0)).size())
                .sum();
        int copies = consumer.received().size();
        LOG.info(() -> "Broker drill: " + sales.size() + " messages recorded during the outage, all acknowledged "
                + drained + " ms after the restart, " + attempts + " attempts on record, " + copies
                + " copies read by the consumer");
        for (Sale sale : sales) {
            Delivery delivery = deliveriesOf(sale).get(0);
            List<Attempt> log = attemptsOf(delivery);
            assertThat(log).as("attempt log of %s", delivery.getId()).hasSizeGreaterThanOrEqualTo(2);
            assertThat(log.get(log.size() - 1).getErrorKind()).isNull();
            assertThat(log.subList(0, log.size() - 1))
                    .allSatisfy(a -> assertThat(a.getErrorKind()).isIn("connection", "publish", "client_error"))
                    .allSatisfy(a -> assertThat(a.getError()).isNotBlank());
        }
    }

    /** Runs a service command of this machine (see .ci/run) and requires it to succeed. */
    private static void run(String... command) {
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new AssertionError(String.join(" ", command) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new AssertionError(String.join(" ", command) + " could not run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    // The broker libraries as bundled in the WAR, inside the application server (what packaging alone can break)

    private static BrokerMessage clientMessage(String body, Map<String, String> parameters) {
        return new BrokerMessage(
                UUID.randomUUID().toString(),
                "post_save",
                "demo.sale",
                "1",
                "application/json",
                body.getBytes(StandardCharsets.UTF_8),
                parameters,
                Duration.ofSeconds(5));
    }

    @Test
    void natsAndMqttClientsPublishFromInsideTheServer() throws Exception {
        String subject = "it.payara." + UUID.randomUUID().toString().replace("-", "");
        String stream = "IT_PAYARA_" + UUID.randomUUID().toString().replace("-", "");
        NatsTestSubscriber.createStream(NatsTestServer.MACHINE_SERVER, stream, subject);
        try (NatsBrokerClient nats = new NatsBrokerClient(Map.of("servers", NatsTestServer.MACHINE_SERVER));
                NatsTestSubscriber stored = NatsTestSubscriber.jetStream(NatsTestServer.MACHINE_SERVER, stream)) {
            BrokerMessage sent = clientMessage("{\"via\":\"nats\"}", Map.of("subject", subject));
            nats.publish(sent);
            assertThat(stored.awaitMessages(1, Duration.ofSeconds(10)))
                    .extracting(ReceivedMessage::deliveryId)
                    .containsExactly(sent.deliveryId());
        } finally {
            NatsTestSubscriber.deleteStream(NatsTestServer.MACHINE_SERVER, stream);
        }

        String topic = "it/payara/" + UUID.randomUUID();
        try (MqttBrokerClient mqtt = new MqttBrokerClient(Map.of(
                        "host",
                        MosquittoTestBroker.MACHINE_HOST,
                        "port",
                        Integer.toString(MosquittoTestBroker.MACHINE_PORT)));
                MqttTestSubscriber subscriber = new MqttTestSubscriber(
                        MosquittoTestBroker.MACHINE_HOST, MosquittoTestBroker.MACHINE_PORT, topic)) {
            BrokerMessage sent = clientMessage("{\"via\":\"mqtt\"}", Map.of("topic", topic));
            mqtt.publish(sent);
            assertThat(subscriber.awaitMessages(1, Duration.ofSeconds(10)))
                    .extracting(ReceivedMessage::deliveryId)
                    .containsExactly(sent.deliveryId());
        }
    }

    /**
     * Kafka's client loads and fails retryably inside the server, and its loggers are held at WARNING (its
     * INFO lines repeat its whole configuration on every producer). Checked on the logger, which both servers
     * honour; where the lines then go is the server's logging configuration.
     */
    @Test
    void kafkaClientLoadsAndFailsRetryablyWithItsLoggersAtWarning() {
        try (KafkaBrokerClient kafka = new KafkaBrokerClient(Map.of("bootstrap_servers", "127.0.0.1:1"))) {
            BrokerMessage sent = clientMessage("{}", Map.of("topic", "nowhere"));
            assertThatThrownBy(() -> kafka.publish(sent))
                    .isInstanceOfSatisfying(
                            BrokerException.class,
                            e -> assertThat(e.retryable()).isTrue());
            assertThat(kafka.isConnected()).isFalse();
            Logger kafkaLogger = Logger.getLogger("org.apache.kafka");
            assertThat(kafkaLogger.isLoggable(Level.WARNING)).isTrue();
            assertThat(kafkaLogger.isLoggable(Level.INFO)).isFalse();
        }
    }
}
