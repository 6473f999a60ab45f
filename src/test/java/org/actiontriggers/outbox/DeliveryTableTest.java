package org.actiontriggers.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.actiontriggers.trigger.BrokerQueueDestination;
import org.actiontriggers.trigger.Destination;
import org.actiontriggers.trigger.HttpMethod;
import org.actiontriggers.trigger.WebhookDestination;
import org.junit.jupiter.api.Test;

/** The delivery table's one column list: the insert binds every column by name, and nothing outside it. */
class DeliveryTableTest {

    private static final Instant AT = Instant.parse("2026-01-02T03:04:05Z");

    private static PendingDelivery pending(Destination destination, String error) {
        return new PendingDelivery(
                "0190-id",
                4,
                "Sale",
                "12",
                "post_save",
                "update",
                destination,
                "{}",
                "application/json",
                AT,
                error,
                true);
    }

    @Test
    void theInsertNamesEveryColumnOnceWithTheDestinationsAfterTheRowsOwn() {
        assertThat(DeliveryTable.COLUMNS).doesNotHaveDuplicates().endsWith(Destination.COLUMNS.toArray(String[]::new));
        assertThat(DeliveryTable.INSERT)
                .startsWith("INSERT INTO action_triggers_delivery (id, config_id,")
                .contains(String.join(", ", Destination.COLUMNS));
        assertThat(DeliveryTable.INSERT.chars().filter(c -> c == '?')).hasSize(DeliveryTable.COLUMNS.size());
    }

    @Test
    void aPendingRowIsDueWhenRecordedAndCarriesItsDestinationsColumns() {
        Map<String, Object> values = DeliveryTable.values(
                pending(new WebhookDestination(9, HttpMethod.POST, "https://receiver.example/a", Map.of(), 1.5), null));

        assertThat(DeliveryTable.COLUMNS).containsAll(values.keySet());
        assertThat(values)
                .containsEntry("state", "PENDING")
                .containsEntry("due_at", AT)
                .containsEntry("completed_at", null)
                .containsEntry("webhook_id", 9L)
                .containsEntry("url", "https://receiver.example/a")
                .containsEntry("ordered", true)
                .doesNotContainKey("broker_queue_id");
    }

    @Test
    void aRowThatCannotBeSentIsFailedAtOnceWithItsReasonCapped() {
        Map<String, Object> values = DeliveryTable.values(
                pending(new BrokerQueueDestination(2, "orders", Map.of(), Map.of(), null), "x".repeat(3000)));

        assertThat(values)
                .containsEntry("state", "FAILED")
                .containsEntry("completed_at", AT)
                .containsEntry("kind", "BROKER")
                .containsEntry("url", "broker:orders");
        assertThat((String) values.get("last_error")).hasSize(2000);
    }
}
