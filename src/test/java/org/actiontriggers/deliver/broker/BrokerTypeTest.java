package org.actiontriggers.deliver.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** What each broker type accepts before anything connects, and that a refusal names the key, never a value. */
class BrokerTypeTest {

    @Test
    void typesParseInAnyCase() {
        assertThat(BrokerType.parse("RabbitMQ")).contains(BrokerType.RABBITMQ);
        assertThat(BrokerType.parse(" redis ")).contains(BrokerType.REDIS);
        assertThat(BrokerType.parse("sqs")).isEmpty();
        assertThat(BrokerType.parse(null)).isEmpty();
    }

    @Test
    void rabbitMqNeedsAHostAndKnowsItsKeys() {
        assertThatThrownBy(() -> new RabbitMqBrokerClient(Map.of("port", "5672")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rabbitmq conn", "'host'");
        assertThatThrownBy(() -> new RabbitMqBrokerClient(Map.of("host", "127.0.0.1", "vhost", "/")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("vhost");
        assertThatThrownBy(() -> new RabbitMqBrokerClient(Map.of("host", "127.0.0.1", "port", "amqp")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'port'");
    }

    @Test
    void redisNeedsExactlyOneOfUrlAndHost() {
        assertThatThrownBy(() -> new RedisBrokerClient(Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'url'", "'host'");
        assertThatThrownBy(() -> new RedisBrokerClient(Map.of("url", "redis://a", "host", "b")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RedisBrokerClient(Map.of("url", "http://user:s3cr3t@host/0")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'url'")
                .hasMessageNotContaining("s3cr3t");
        assertThatThrownBy(() -> new RedisBrokerClient(Map.of("host", "127.0.0.1", "db", "first")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'db'");
    }

    @Test
    void theRequiredParameterOfEachTypeIsOneOfItsKeys() {
        for (BrokerType type : BrokerType.values()) {
            assertThat(type.keys().params()).containsAll(type.keys().paramsOneOf());
            assertThat(type.keys().conn()).containsAll(type.keys().connOneOf());
            assertThat(type.keys().paramsOneOf()).isNotEmpty();
        }
    }

    @Test
    void theMessageCarriesItsMetadataAsHeaders() {
        BrokerMessage message = new BrokerMessage(
                "01a2-id", "post_save", "Sale", "42", "application/json", new byte[0], Map.of(), null);

        assertThat(message.headers())
                .containsExactly(
                        Map.entry("action-triggers-delivery-id", "01a2-id"),
                        Map.entry("action-triggers-signal", "post_save"),
                        Map.entry("action-triggers-entity-type", "Sale"),
                        Map.entry("action-triggers-entity-id", "42"));
    }
}
