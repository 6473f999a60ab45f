package org.actiontriggers.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.JsonObject;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The operator webhook's event documents and the names of destinations, as docs/policy.md shows them. */
class PolicyEventTest {

    private static final Instant AT = Instant.parse("2026-11-30T10:34:40Z");

    @Test
    void anEventDocumentHasTypeTimestampAndData() {
        JsonObject doc = PolicyEvents.document(
                        new PolicyEvent(PolicyEvent.Type.FAILING_70, DestinationKey.webhook(12), AT, "HTTP 503", null))
                .build();
        assertThat(doc.getString("type")).isEqualTo("destination.failing");
        assertThat(doc.getString("timestamp")).isEqualTo("2026-11-30T10:34:40Z");
        JsonObject data = doc.getJsonObject("data");
        assertThat(data.getString("destination")).isEqualTo("webhook:12");
        assertThat(data.getInt("webhook_id")).isEqualTo(12);
        assertThat(data.getInt("percent")).isEqualTo(70);
        assertThat(data.getString("reason")).isEqualTo("HTTP 503");
        assertThat(data).doesNotContainKey("delivery_id");
    }

    @Test
    void aDeadLetterNamesItsDeliveryAndABrokerItsName() {
        JsonObject data = PolicyEvents.document(new PolicyEvent(
                        PolicyEvent.Type.DEAD_LETTERED, DestinationKey.broker("orders"), AT, "timeout", "d-1"))
                .build()
                .getJsonObject("data");
        assertThat(data.getString("destination")).isEqualTo("broker:orders");
        assertThat(data.getString("broker")).isEqualTo("orders");
        assertThat(data.getString("delivery_id")).isEqualTo("d-1");
        assertThat(data).doesNotContainKey("percent");
    }

    @Test
    void destinationKeysReadBackFromTheirText() {
        assertThat(DestinationKey.parse("webhook:7")).isEqualTo(DestinationKey.webhook(7));
        assertThat(DestinationKey.parse("broker:it-rabbit")).isEqualTo(DestinationKey.broker("it-rabbit"));
        assertThat(DestinationKey.webhook(7)).hasToString("webhook:7");
        assertThatThrownBy(() -> DestinationKey.parse("webhook:x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DestinationKey.parse("queue:x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DestinationKey.parse("broker:")).isInstanceOf(IllegalArgumentException.class);
    }
}
