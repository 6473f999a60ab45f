package org.actiontriggers.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ConfigFieldTest {

    @Test
    void eachFieldIsItsNameInTheDocumentAndIsFoundByIt() {
        assertThat(ConfigField.TIMEOUT_SECS).hasToString("timeout_secs");
        assertThat(ConfigField.MSG_BROKER_QUEUES).hasToString("msg_broker_queues");
        Arrays.stream(ConfigField.values())
                .forEach(field -> assertThat(ConfigField.of(field.toString())).hasValue(field));
        assertThat(ConfigField.of("colour")).isEmpty();
        assertThat(ConfigField.of(null)).isEmpty();
    }

    @Test
    void pointersAreBuiltFromTheFields() {
        assertThat(Violation.pointerOf(ConfigField.WEBHOOKS, 0, ConfigField.HEADERS, "X-Api/Key"))
                .isEqualTo("/webhooks/0/headers/X-Api~1Key");
    }

    @Test
    void eachObjectOfTheDocumentHasItsFields() {
        assertThat(ConfigField.OF_WEBHOOK)
                .extracting(ConfigField::toString)
                .containsExactlyInAnyOrder(
                        "id", "url", "http_method", "headers", "timeout_secs", "rate_limit", "max_in_flight");
        assertThat(ConfigField.OF_QUEUE)
                .extracting(ConfigField::toString)
                .containsExactlyInAnyOrder("id", "name", "conn_details", "parameters", "timeout_secs");
        assertThat(ConfigField.OF_CONTENT_TYPE)
                .extracting(ConfigField::toString)
                .containsExactlyInAnyOrder("app_label", "model", "model_name");
        assertThat(ConfigField.OF_SIGNAL).containsExactly(ConfigField.SIGNAL);
        assertThat(ConfigField.OF_CONFIG)
                .extracting(ConfigField::toString)
                .containsExactlyInAnyOrder(
                        "id",
                        "active",
                        "payload",
                        "condition",
                        "config_signals",
                        "content_types",
                        "webhooks",
                        "message_broker_queues",
                        "msg_broker_queues",
                        "actions",
                        "created_on",
                        "created_by");
    }
}
