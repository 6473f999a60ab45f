package org.actiontriggers.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.actiontriggers.deliver.broker.BrokerTypeCatalog;
import org.actiontriggers.record.PayloadTemplateChecker;
import org.actiontriggers.settings.BrokerDefinition;
import org.actiontriggers.settings.Settings;
import org.actiontriggers.settings.TestSettings;
import org.actiontriggers.trigger.ConfigDraft.ContentTypeDraft;
import org.junit.jupiter.api.Test;

/** The rules a config's message broker queues must meet before it is saved, each naming its field. */
class BrokerQueueValidationTest {

    private static final Settings SETTINGS = TestSettings.settings()
            .endpointPatterns("https://example\\.com/hook")
            .dynamicPaths("org.example.Secrets.password")
            .maxWebhookTimeout(Duration.ofSeconds(10))
            .maxRequestBytes(1024)
            .brokers(Map.of(
                    "orders", new BrokerDefinition("orders", "rabbitmq", Map.of("host", "127.0.0.1"), Map.of()),
                    "cache",
                            new BrokerDefinition(
                                    "cache", "redis", Map.of("host", "127.0.0.1"), Map.of("stream", "events"))))
            .maxBrokerTimeout(Duration.ofSeconds(5))
            .build();

    private final ConfigValidator validator =
            new ConfigValidator(SETTINGS, Set.of("Sale"), new PayloadTemplateChecker(), new BrokerTypeCatalog());

    private List<Violation> violationsOf(BrokerQueueDraft... queues) {
        return validator.validate(new ConfigDraft(
                true, null, List.of("post_save"), List.of(ContentTypeDraft.of("Sale")), List.of(), List.of(queues)));
    }

    @Test
    void aQueueOfADefinedBrokerWithItsRequiredParameterIsValid() {
        assertThat(violationsOf(
                        new BrokerQueueDraft(
                                "orders",
                                Map.of("password", "{{ org.example.Secrets.password }}"),
                                Map.of("queue", "sales"),
                                2.0),
                        new BrokerQueueDraft("cache", Map.of(), Map.of(), null)))
                .isEmpty();
    }

    @Test
    void anUnknownBrokerNameIsNamedWithTheDefinedOnes() {
        assertThat(violationsOf(new BrokerQueueDraft("my-broker", Map.of(), Map.of("queue", "q"), null)))
                .singleElement()
                .satisfies(v -> {
                    assertThat(v.pointer()).isEqualTo("/message_broker_queues/0/name");
                    assertThat(v.reason()).contains("'my-broker'", "cache, orders");
                });
    }

    @Test
    void aParameterOfAnotherTypeIsNamed() {
        assertThat(violationsOf(new BrokerQueueDraft("orders", Map.of(), Map.of("topic", "sales"), null)))
                .singleElement()
                .satisfies(v -> {
                    assertThat(v.pointer()).isEqualTo("/message_broker_queues/0/parameters/topic");
                    assertThat(v.reason()).contains("exchange", "queue", "routing_key", "rabbitmq");
                });
    }

    @Test
    void aMissingRequiredParameterIsNamed() {
        assertThat(violationsOf(new BrokerQueueDraft("orders", Map.of(), Map.of(), null)))
                .singleElement()
                .satisfies(v -> {
                    assertThat(v.pointer()).isEqualTo("/message_broker_queues/0/parameters");
                    assertThat(v.reason()).contains("exchange", "queue", "required");
                });
    }

    @Test
    void anUnknownConnectionKeyIsNamed() {
        assertThat(violationsOf(new BrokerQueueDraft("orders", Map.of("hots", "x"), Map.of("queue", "q"), null)))
                .extracting(Violation::pointer)
                .containsExactly("/message_broker_queues/0/conn_details/hots");
    }

    @Test
    void aDynamicPathNotAllowedIsNamed() {
        assertThat(violationsOf(new BrokerQueueDraft(
                        "orders", Map.of("password", "{{ os.environ.get }}"), Map.of("queue", "q"), null)))
                .singleElement()
                .satisfies(v -> {
                    assertThat(v.pointer()).isEqualTo("/message_broker_queues/0/conn_details/password");
                    assertThat(v.reason()).contains("os.environ.get", Settings.ALLOWED_DYNAMIC_IMPORT_PATHS);
                });
    }

    @Test
    void aTimeoutAboveTheMaxBrokerTimeoutIsNamed() {
        assertThat(violationsOf(new BrokerQueueDraft("orders", Map.of(), Map.of("queue", "q"), 6.0)))
                .singleElement()
                .satisfies(v -> {
                    assertThat(v.pointer()).isEqualTo("/message_broker_queues/0/timeout_secs");
                    assertThat(v.reason()).contains(Settings.MAX_BROKER_TIMEOUT);
                });
    }
}
