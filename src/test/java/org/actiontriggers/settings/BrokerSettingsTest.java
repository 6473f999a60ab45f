package org.actiontriggers.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.actiontriggers.deliver.broker.BrokerTypeCatalog;
import org.junit.jupiter.api.Test;

/** Broker definitions in the settings: what start-up accepts, and that every refusal names its key. */
class BrokerSettingsTest {

    private final Map<String, String> raw = new HashMap<>(Map.of(
            Settings.SECRET_ENCRYPTION_KEY, "uXWHj5EQ51oR4OVitlyhSwAAovmCbauIhNtJjHy/HjU=",
            Settings.MAX_WEBHOOK_TIMEOUT, "10s",
            Settings.LEASE, "2m"));

    private SettingsParser parser() {
        return new SettingsParser(
                key -> Optional.ofNullable(raw.get(key)), Set.of("Sale"), raw.keySet(), new BrokerTypeCatalog());
    }

    private List<String> problems() {
        Throwable thrown = catchThrowable(parser()::parse);
        assertThat(thrown).isInstanceOf(InvalidSettingsException.class);
        return ((InvalidSettingsException) thrown).problems();
    }

    @Test
    void brokersAreReadWithTheirConnectionAndParameters() {
        raw.put("action-triggers.brokers.orders.type", "RabbitMQ");
        raw.put("action-triggers.brokers.orders.conn.host", "127.0.0.1");
        raw.put("action-triggers.brokers.orders.conn.password", "guest");
        raw.put("action-triggers.brokers.orders.params.exchange", "shop");
        raw.put("action-triggers.brokers.cache.type", "redis");
        raw.put("action-triggers.brokers.cache.conn.url", "redis://127.0.0.1:6379/0");
        raw.put(Settings.MAX_BROKER_TIMEOUT, "5s");

        Settings settings = parser().parse();

        assertThat(settings.brokers()).containsOnlyKeys("orders", "cache");
        BrokerDefinition orders = settings.broker("orders").orElseThrow();
        assertThat(orders.type()).isEqualTo("rabbitmq");
        assertThat(orders.conn()).containsEntry("host", "127.0.0.1").containsEntry("password", "guest");
        assertThat(orders.params()).containsExactlyEntriesOf(Map.of("exchange", "shop"));
        assertThat(orders.toString()).doesNotContain("guest");
        assertThat(settings.maxBrokerTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.effectiveBrokerTimeout(2.0)).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.effectiveBrokerTimeout(60.0)).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.effectiveBrokerTimeout(null)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void aBrokerWhoseClientIsNotInTheApplicationNamesTheKeyAndTheDependencyToAdd() {
        raw.put("action-triggers.brokers.events.type", "Kafka");
        raw.put("action-triggers.brokers.events.conn.bootstrap_servers", "127.0.0.1:9092");
        BrokerTypeCatalog withoutKafka = new BrokerTypeCatalog() {
            @Override
            public Optional<String> missingClient(String type) {
                return type.equalsIgnoreCase("kafka")
                        ? Optional.of("org.apache.kafka:kafka-clients:4.1.1")
                        : Optional.empty();
            }
        };

        Throwable thrown = catchThrowable(new SettingsParser(
                key -> Optional.ofNullable(raw.get(key)), Set.of("Sale"), raw.keySet(), withoutKafka)::parse);

        assertThat(((InvalidSettingsException) thrown).problems())
                .containsExactly("action-triggers.brokers.events.type: a kafka broker needs its client library, which"
                        + " is not in the application; add the dependency org.apache.kafka:kafka-clients:4.1.1");
    }

    @Test
    void noBrokerIsFine() {
        assertThat(parser().parse().brokers()).isEmpty();
    }

    @Test
    void anUnknownTypeIsNamedWithTheKnownOnes() {
        raw.put("action-triggers.brokers.orders.type", "sqs");
        raw.put("action-triggers.brokers.orders.conn.host", "x");

        assertThat(problems())
                .singleElement()
                .asString()
                .contains("action-triggers.brokers.orders.type", "'sqs'", "rabbitmq", "kafka", "redis", "nats", "mqtt");
    }

    @Test
    void aMissingTypeIsNamed() {
        raw.put("action-triggers.brokers.orders.conn.host", "x");

        assertThat(problems()).singleElement().asString().contains("action-triggers.brokers.orders.type is required");
    }

    @Test
    void aMissingRequiredConnectionKeyIsNamed() {
        raw.put("action-triggers.brokers.stream.type", "kafka");

        assertThat(problems())
                .singleElement()
                .asString()
                .contains("action-triggers.brokers.stream.conn.bootstrap_servers", "required");
    }

    @Test
    void unknownConnectionAndParameterKeysAreNamed() {
        raw.put("action-triggers.brokers.orders.type", "rabbitmq");
        raw.put("action-triggers.brokers.orders.conn.host", "x");
        raw.put("action-triggers.brokers.orders.conn.hots", "x");
        raw.put("action-triggers.brokers.orders.params.topic", "t");
        raw.put("action-triggers.brokers.orders.colour", "blue");

        assertThat(String.join("\n", problems()))
                .contains(
                        "action-triggers.brokers.orders.conn.hots",
                        "action-triggers.brokers.orders.params.topic",
                        "action-triggers.brokers.orders.colour is not a broker setting");
    }

    @Test
    void theLeaseMustCoverTheBrokerTimeoutToo() {
        raw.put(Settings.MAX_BROKER_TIMEOUT, "60s");
        assertThat(parser().parse().maxBrokerTimeout())
                .as("without a broker the broker timeout bounds nothing, so it cannot break the lease")
                .isEqualTo(Duration.ofSeconds(60));

        raw.put("action-triggers.brokers.orders.type", "rabbitmq");
        raw.put("action-triggers.brokers.orders.conn.host", "127.0.0.1");

        assertThat(problems()).singleElement().asString().contains(Settings.LEASE, Settings.MAX_BROKER_TIMEOUT);
    }

    @Test
    void aPasswordIsNeverInAMessage() {
        raw.put("action-triggers.brokers.orders.type", "rabbitmq");
        raw.put("action-triggers.brokers.orders.conn.password", "s3cr3t-value");

        assertThat(String.join("\n", problems())).contains("conn.host").doesNotContain("s3cr3t-value");
    }
}
