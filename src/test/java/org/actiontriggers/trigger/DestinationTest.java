package org.actiontriggers.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each kind of destination comes back from its outbox columns as it went in. */
class DestinationTest {

    /** An outbox row as the columns a destination wrote, read back by name. */
    private static Destination.Row row(Map<String, Object> columns) {
        return new Destination.Row() {
            @Override
            public String text(String column) {
                return (String) columns.get(column);
            }

            @Override
            public Long number(String column) {
                return (Long) columns.get(column);
            }

            @Override
            public Double decimal(String column) {
                return (Double) columns.get(column);
            }
        };
    }

    @Test
    void aWebhookRoundTripsThroughItsColumns() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Second", "{{ x.y }}");
        headers.put("Authorization", "Bearer {{ secrets.token }}");
        WebhookDestination webhook =
                new WebhookDestination(7, HttpMethod.PUT, "https://receiver.example/hook", headers, 2.5);

        Map<String, Object> columns = webhook.columns();

        assertThat(columns)
                .containsEntry("kind", "WEBHOOK")
                .containsEntry("url", "https://receiver.example/hook")
                .containsEntry("webhook_id", 7L)
                .containsEntry("http_method", "PUT")
                .doesNotContainKeys("broker_queue_id", "broker_name");
        assertThat(Destination.fromRow(row(columns))).isEqualTo(webhook);
        assertThat(((WebhookDestination) Destination.fromRow(row(columns)))
                        .headers()
                        .keySet())
                .containsExactly("X-Second", "Authorization");
    }

    @Test
    void aBrokerQueueRoundTripsThroughItsColumnsAndShowsItsNameAsAddress() {
        BrokerQueueDestination queue = new BrokerQueueDestination(
                3, "orders", Map.of("password", "{{ secrets.pw }}"), Map.of("routing_key", "sales"), null);

        Map<String, Object> columns = queue.columns();

        assertThat(queue.address()).isEqualTo("broker:orders");
        assertThat(columns)
                .containsEntry("kind", "BROKER")
                .containsEntry("url", "broker:orders")
                .containsEntry("broker_queue_id", 3L)
                .doesNotContainKeys("webhook_id", "http_method");
        assertThat(Destination.fromRow(row(columns))).isEqualTo(queue);
    }

    @Test
    void everyKindWritesOnlyDeclaredColumnsAndIsIdentifiedByOne() {
        List<Destination> kinds = List.of(
                new WebhookDestination(1, HttpMethod.POST, "https://a.example", Map.of(), null),
                new BrokerQueueDestination(1, "b", Map.of(), Map.of(), 1.0));
        assertThat(kinds.stream().<Class<?>>map(Destination::getClass).toList())
                .containsExactlyInAnyOrder(Destination.class.getPermittedSubclasses());
        for (Destination kind : kinds) {
            assertThat(Destination.COLUMNS).containsAll(kind.columns().keySet());
            assertThat(kind.columns().keySet())
                    .as(kind.kind() + " fills exactly one identity column")
                    .filteredOn(Destination.IDENTITY_COLUMNS::contains)
                    .hasSize(1);
        }
    }

    @Test
    void anUnknownKindIsNamed() {
        assertThatThrownBy(() -> Destination.fromRow(row(Map.of("kind", "CARRIER_PIGEON"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CARRIER_PIGEON");
    }
}
