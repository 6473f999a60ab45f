package org.actiontriggers.deliver.broker;

import static org.actiontriggers.deliver.broker.BrokerMessages.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.actiontriggers.it.brokers.NatsTestServer;
import org.actiontriggers.it.brokers.NatsTestSubscriber;
import org.actiontriggers.it.brokers.ReceivedMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link NatsBrokerClient} against the machine's NATS with JetStream (127.0.0.1:4222), and an outage drill on
 * a NATS server of the test's own ({@link NatsTestServer}) so the shared one never goes down.
 */
class NatsBrokerClientIT {

    private static final String SERVER = NatsTestServer.MACHINE_SERVER;
    private static NatsBrokerClient client;
    private final List<String> streams = new ArrayList<>();

    @BeforeAll
    static void connect() {
        client = new NatsBrokerClient(Map.of("servers", SERVER));
    }

    @AfterAll
    static void close() {
        client.close();
        assertThat(client.isConnected()).isFalse();
    }

    @AfterEach
    void deleteStreams() throws Exception {
        streams.forEach(stream -> NatsTestSubscriber.deleteStream(SERVER, stream));
    }

    private String newStream(String subject) {
        String stream = "IT_" + UUID.randomUUID().toString().replace("-", "");
        streams.add(stream);
        NatsTestSubscriber.createStream(SERVER, stream, subject);
        return stream;
    }

    private static String newSubject() {
        return "it." + UUID.randomUUID().toString().replace("-", "");
    }

    @Test
    void publishedMessageIsStoredWithMsgIdAndHeaders() throws Exception {
        String subject = newSubject();
        String stream = newStream(subject);
        BrokerMessage sent = message("42", "{\"quantity\":3}", Map.of("subject", subject));

        client.publish(sent);

        assertThat(client.isConnected()).isTrue();
        try (NatsTestSubscriber subscriber = NatsTestSubscriber.jetStream(SERVER, stream)) {
            List<ReceivedMessage> got = subscriber.awaitMessages(1, Duration.ofSeconds(10));
            assertThat(got).hasSize(1);
            ReceivedMessage received = got.get(0);
            assertThat(received.destination()).isEqualTo(subject);
            assertThat(received.bodyText()).isEqualTo("{\"quantity\":3}");
            assertThat(received.header("Nats-Msg-Id")).isEqualTo(sent.deliveryId());
            assertThat(received.deliveryId()).isEqualTo(sent.deliveryId());
            assertThat(received.header("action-triggers-signal")).isEqualTo("post_save");
            assertThat(received.header("action-triggers-entity-type")).isEqualTo("demo.sale");
            assertThat(received.header("action-triggers-entity-id")).isEqualTo("42");
            assertThat(received.header("Content-Type")).isEqualTo("application/json");
        }
    }

    @Test
    void repeatedDeliveryIsStoredOnceAndCoreSubscribersSeeIt() throws Exception {
        String subject = newSubject();
        String stream = newStream(subject);
        BrokerMessage sent = message("7", "once", Map.of("subject", subject));
        try (NatsTestSubscriber core = NatsTestSubscriber.core(SERVER, subject);
                NatsTestSubscriber stored = NatsTestSubscriber.jetStream(SERVER, stream)) {
            client.publish(sent);
            client.publish(sent); // a retry of the same delivery: acknowledged, but dropped by the server

            assertThat(core.awaitMessages(1, Duration.ofSeconds(10)))
                    .extracting(ReceivedMessage::deliveryId)
                    .containsExactly(sent.deliveryId());
            assertThat(stored.awaitMessages(1, Duration.ofSeconds(10))).hasSize(1);
            assertThat(stored.streamMessageCount()).isEqualTo(1);
        }
    }

    @Test
    void subjectWithoutStreamIsRefusedUnlessTheStreamParameterCreatesIt() throws Exception {
        String subject = newSubject();
        BrokerMessage noStream = message("1", "{}", Map.of("subject", subject), Duration.ofSeconds(3));
        assertThatThrownBy(() -> client.publish(noStream))
                .isInstanceOfSatisfying(
                        BrokerException.class, e -> assertThat(e.retryable()).isFalse())
                .hasMessageContaining("no JetStream stream for subject '" + subject + "'");

        String stream = "IT_CREATED_" + UUID.randomUUID().toString().replace("-", "");
        streams.add(stream);
        client.publish(message("1", "created", Map.of("subject", subject, "stream", stream)));
        try (NatsTestSubscriber subscriber = NatsTestSubscriber.jetStream(SERVER, stream)) {
            assertThat(subscriber.awaitMessages(1, Duration.ofSeconds(10)))
                    .extracting(ReceivedMessage::bodyText)
                    .containsExactly("created");
        }

        assertThatThrownBy(() -> client.publish(message("1", "{}", Map.of())))
                .isInstanceOfSatisfying(
                        BrokerException.class, e -> assertThat(e.retryable()).isFalse())
                .hasMessageContaining("'subject'");
    }

    @Test
    void serverRestartFailsPublishesRetryablyThenRecovers() throws Exception {
        NatsTestServer own = NatsTestServer.start();
        String subject = "drill.sales";
        String stream = "DRILL";
        NatsTestSubscriber.createStream(own.url(), stream, subject);
        try (NatsBrokerClient drilled = new NatsBrokerClient(Map.of("servers", own.url()))) {
            drilled.publish(message("1", "before", Map.of("subject", subject)));
            assertThat(drilled.isConnected()).isTrue();

            own.stop();
            await().atMost(Duration.ofSeconds(30)).until(() -> !drilled.isConnected());
            BrokerMessage during = message("1", "during", Map.of("subject", subject), Duration.ofSeconds(2));
            assertThatThrownBy(() -> drilled.publish(during))
                    .isInstanceOfSatisfying(
                            BrokerException.class,
                            e -> assertThat(e.retryable()).isTrue());

            own.restart();
            await().atMost(Duration.ofSeconds(30)).until(drilled::isConnected);
            drilled.publish(message("1", "after", Map.of("subject", subject)));

            try (NatsTestSubscriber subscriber = NatsTestSubscriber.jetStream(own.url(), stream)) {
                assertThat(subscriber.awaitMessages(2, Duration.ofSeconds(10)))
                        .extracting(ReceivedMessage::bodyText)
                        .containsExactly("before", "after");
            }
        } finally {
            own.stop();
        }
    }
}
