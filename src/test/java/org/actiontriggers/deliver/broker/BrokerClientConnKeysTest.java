package org.actiontriggers.deliver.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The {@code conn} checks of the three clients: each refusal names the key and never echoes a secret. */
class BrokerClientConnKeysTest {

    private static final String SECRET = "s3cr3t-value-never-shown";

    @Test
    void kafkaNamesTheMissingUnknownOrMalformedKey() {
        assertThatThrownBy(() -> new KafkaBrokerClient(Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'bootstrap_servers' is required");
        assertThatThrownBy(() -> new KafkaBrokerClient(Map.of("bootstrap_servers", "h:9092", "acks", "0")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown key(s) [acks]");
        assertThatThrownBy(() -> new KafkaBrokerClient(Map.of("bootstrap_servers", "h:9092,nohost")))
                .hasMessageContaining("'bootstrap_servers' must be comma-separated host:port pairs");
        assertThatThrownBy(() -> new KafkaBrokerClient(Map.of("bootstrap_servers", "h:99999")))
                .hasMessageContaining("'bootstrap_servers'");
        assertThatThrownBy(() ->
                        new KafkaBrokerClient(Map.of("bootstrap_servers", "h:9092", "security_protocol", "SASL_SSL")))
                .hasMessageContaining("'sasl_mechanism' is required");
        assertThatThrownBy(() -> new KafkaBrokerClient(Map.of(
                        "bootstrap_servers", "h:9092",
                        "security_protocol", "SASL_SSL",
                        "sasl_mechanism", "PLAIN",
                        "sasl_password", SECRET)))
                .hasMessageContaining("'sasl_username' is required")
                .hasMessageNotContaining(SECRET);
        assertThatThrownBy(() -> new KafkaBrokerClient(
                        Map.of("bootstrap_servers", "h:9092", "sasl_username", "u", "sasl_password", SECRET)))
                .hasMessageContaining("'sasl_mechanism'")
                .hasMessageNotContaining(SECRET);
    }

    @Test
    void kafkaProducerIsIdempotentWithAcksAllAndEscapesSaslCredentials() {
        Properties props = KafkaBrokerClient.producerProperties(Map.of(
                "bootstrap_servers", " a:9092, b:9093 ",
                "security_protocol", "sasl_plaintext",
                "sasl_mechanism", "scram-sha-512",
                "sasl_username", "app",
                "sasl_password", "pa\"ss"));
        assertThat(props.getProperty("bootstrap.servers")).isEqualTo("a:9092,b:9093");
        assertThat(props.getProperty("acks")).isEqualTo("all");
        assertThat(props.getProperty("enable.idempotence")).isEqualTo("true");
        assertThat(props.getProperty("sasl.mechanism")).isEqualTo("SCRAM-SHA-512");
        assertThat(props.getProperty("sasl.jaas.config"))
                .isEqualTo("org.apache.kafka.common.security.scram.ScramLoginModule required"
                        + " username=\"app\" password=\"pa\\\"ss\";");
    }

    @Test
    void kafkaKeysRecordsByEntity() {
        BrokerMessage withId = new BrokerMessage(
                "d", "post_save", "shop.sale", "7", null, new byte[0], Map.of(), Duration.ofSeconds(1));
        BrokerMessage withoutId = new BrokerMessage(
                "d", "post_save", "shop.sale", null, null, new byte[0], Map.of(), Duration.ofSeconds(1));
        assertThat(KafkaBrokerClient.recordKey(withId)).isEqualTo("shop.sale:7");
        assertThat(KafkaBrokerClient.recordKey(withoutId)).isEqualTo("shop.sale");
    }

    @Test
    void natsNamesTheMissingUnknownOrMalformedKey() {
        assertThatThrownBy(() -> new NatsBrokerClient(Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'servers' is required");
        assertThatThrownBy(() -> new NatsBrokerClient(Map.of("servers", "nats://h:4222", "url", "x")))
                .hasMessageContaining("unknown key(s) [url]");
        assertThatThrownBy(() -> new NatsBrokerClient(Map.of("servers", "nats://app:" + SECRET + "@h:4222")))
                .hasMessageContaining("'servers' must not hold credentials")
                .hasMessageNotContaining(SECRET);
        assertThatThrownBy(() -> new NatsBrokerClient(Map.of("servers", "http://h:4222")))
                .hasMessageContaining("nats:// or tls://");
        assertThatThrownBy(() -> new NatsBrokerClient(Map.of("servers", "nats://h:4222", "password", SECRET)))
                .hasMessageContaining("'user' and 'password' go together")
                .hasMessageNotContaining(SECRET);
        assertThatThrownBy(() -> new NatsBrokerClient(
                        Map.of("servers", "nats://h:4222", "user", "u", "password", SECRET, "token", SECRET)))
                .hasMessageContaining("either 'token' or 'user'/'password'")
                .hasMessageNotContaining(SECRET);
        try (NatsBrokerClient client = new NatsBrokerClient(Map.of("servers", "127.0.0.1:4222, tls://h:4443"))) {
            assertThat(client.isConnected())
                    .as("connects on first publish only")
                    .isFalse();
        }
    }

    @Test
    void mqttNamesTheMissingUnknownOrMalformedKey() {
        assertThatThrownBy(() -> new MqttBrokerClient(Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'host' is required");
        assertThatThrownBy(() -> new MqttBrokerClient(Map.of("host", "h", "qos", "1")))
                .hasMessageContaining("unknown key(s) [qos]");
        assertThatThrownBy(() -> new MqttBrokerClient(Map.of("host", "tcp://h:1883")))
                .hasMessageContaining("'host' must be a host name or address");
        assertThatThrownBy(() -> new MqttBrokerClient(Map.of("host", "h", "port", "70000")))
                .hasMessageContaining("'port' must be between 1 and 65535");
        assertThatThrownBy(() -> new MqttBrokerClient(Map.of("host", "h", "port", "mqtt")))
                .hasMessageContaining("'port' must be a whole number");
        assertThatThrownBy(() -> new MqttBrokerClient(Map.of("host", "h", "tls", "yes")))
                .hasMessageContaining("'tls' must be true or false");
        assertThatThrownBy(() -> new MqttBrokerClient(Map.of("host", "h", "password", SECRET)))
                .hasMessageContaining("'password' needs 'username'")
                .hasMessageNotContaining(SECRET);
        try (MqttBrokerClient client = new MqttBrokerClient(Map.of("host", "h", "tls", "true"))) {
            assertThat(client.isConnected())
                    .as("connects on first publish only")
                    .isFalse();
        }
    }

    @Test
    void eachClientDescribesItsKeys() {
        assertThat(KafkaBrokerClient.ALLOWED_CONN).containsAll(KafkaBrokerClient.REQUIRED_CONN);
        assertThat(KafkaBrokerClient.ALLOWED_CONN).containsAll(KafkaBrokerClient.SECRET_CONN);
        assertThat(NatsBrokerClient.ALLOWED_CONN).containsAll(NatsBrokerClient.REQUIRED_CONN);
        assertThat(NatsBrokerClient.ALLOWED_CONN).containsAll(NatsBrokerClient.SECRET_CONN);
        assertThat(MqttBrokerClient.ALLOWED_CONN).containsAll(MqttBrokerClient.REQUIRED_CONN);
        assertThat(MqttBrokerClient.ALLOWED_CONN).containsAll(MqttBrokerClient.SECRET_CONN);
        assertThat(KafkaBrokerClient.REQUIRED_PARAMS).containsExactly("topic");
        assertThat(NatsBrokerClient.ALLOWED_PARAMS).containsExactlyInAnyOrder("subject", "stream");
        assertThat(MqttBrokerClient.ALLOWED_PARAMS).containsExactlyInAnyOrder("topic", "qos");
    }
}
