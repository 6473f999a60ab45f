package org.actiontriggers.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.actiontriggers.deliver.broker.BrokerException;
import org.actiontriggers.deliver.broker.BrokerMessage;
import org.actiontriggers.deliver.broker.KafkaBrokerClient;
import org.actiontriggers.deliver.broker.MqttBrokerClient;
import org.actiontriggers.deliver.broker.NatsBrokerClient;
import org.actiontriggers.it.brokers.MosquittoTestBroker;
import org.actiontriggers.it.brokers.MqttTestSubscriber;
import org.actiontriggers.it.brokers.NatsTestServer;
import org.actiontriggers.it.brokers.NatsTestSubscriber;
import org.actiontriggers.it.brokers.ReceivedMessage;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The broker libraries as bundled in the WAR, inside the application server: they load there, publish to the
 * machine's NATS and Mosquitto, and Kafka's logging reaches the server log through SLF4J's JDK binding (not
 * SLF4J's silent fallback) while its INFO chatter stays out. The end-to-end broker deliveries are tested
 * elsewhere; this pins what the packaging alone can break.
 */
@ExtendWith(ArquillianExtension.class)
class BrokerClientsInPayaraIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.application().addPackage(ReceivedMessage.class.getPackage());
    }

    private static BrokerMessage message(String body, Map<String, String> parameters) {
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
            BrokerMessage sent = message("{\"via\":\"nats\"}", Map.of("subject", subject));
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
            BrokerMessage sent = message("{\"via\":\"mqtt\"}", Map.of("topic", topic));
            mqtt.publish(sent);
            assertThat(subscriber.awaitMessages(1, Duration.ofSeconds(10)))
                    .extracting(ReceivedMessage::deliveryId)
                    .containsExactly(sent.deliveryId());
        }
    }

    @Test
    void kafkaClientLoadsAndLogsWarningsButNotItsInfoChatter() {
        Logger kafkaLogger = Logger.getLogger("org.apache.kafka");
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        kafkaLogger.addHandler(capture);
        try (KafkaBrokerClient kafka = new KafkaBrokerClient(Map.of("bootstrap_servers", "127.0.0.1:1"))) {
            BrokerMessage sent = message("{}", Map.of("topic", "nowhere"));
            assertThatThrownBy(() -> kafka.publish(sent))
                    .isInstanceOfSatisfying(
                            BrokerException.class,
                            e -> assertThat(e.retryable()).isTrue());
            assertThat(kafka.isConnected()).isFalse();
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> records.stream().anyMatch(r -> r.getLevel().intValue() >= Level.WARNING.intValue()));
            assertThat(records)
                    .as("Kafka's INFO lines (its whole configuration on every producer) stay out of the log")
                    .allMatch(r -> r.getLevel().intValue() >= Level.WARNING.intValue());
        } finally {
            kafkaLogger.removeHandler(capture);
        }
    }
}
