package org.actiontriggers.admin;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.time.OffsetDateTime;
import java.util.Locale;
import org.actiontriggers.outbox.Attempt;
import org.actiontriggers.outbox.Delivery;
import org.actiontriggers.trigger.BrokerQueueDestination;
import org.actiontriggers.trigger.Destination;
import org.actiontriggers.trigger.WebhookDestination;

/** Deliveries and their attempts as JSON, in the API's snake_case; what was sent and what came back. */
final class DeliveryDocuments {

    /** Resolved once: every {@code Json.create…} call looks the provider up again through the class loader. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private DeliveryDocuments() {}

    /** A delivery as a list shows it: its state, without body and attempts. */
    static JsonObject summary(Delivery d) {
        return fields(d).build();
    }

    /** A delivery with its body and every attempt, oldest first. */
    static JsonObject detail(Delivery d) {
        JsonArrayBuilder attempts = JSON.createArrayBuilder();
        for (Attempt a : d.getAttemptLog()) {
            attempts.add(attempt(a));
        }
        return fields(d)
                .add("content_type", text(d.getContentType()))
                .add("body", text(d.getBody()))
                .add("attempt_log", attempts)
                .build();
    }

    /** One attempt: when, where, the status or error, the latency and the (capped) response. */
    static JsonObjectBuilder attempt(Attempt a) {
        return JSON.createObjectBuilder()
                .add("attempted_at", time(a.getAttemptedAt()))
                .add("url", a.getUrl())
                .add("status_code", a.getStatusCode() == null ? JsonValue.NULL : JSON.createValue(a.getStatusCode()))
                .add("error_kind", text(a.getErrorKind()))
                .add("error", text(a.getError()))
                .add("latency_ms", a.getLatencyMillis())
                .add("response_body", text(a.getResponseBody()));
    }

    private static JsonObjectBuilder fields(Delivery d) {
        Destination destination = d.getDestination();
        WebhookDestination webhook = destination instanceof WebhookDestination w ? w : null;
        BrokerQueueDestination queue = destination instanceof BrokerQueueDestination q ? q : null;
        return JSON.createObjectBuilder()
                .add("id", d.getId())
                .add("config_id", d.getConfigId())
                .add("kind", destination.kind().toLowerCase(Locale.ROOT))
                .add("webhook_id", webhook == null ? JsonValue.NULL : JSON.createValue(webhook.webhookId()))
                .add("broker_queue_id", queue == null ? JsonValue.NULL : JSON.createValue(queue.brokerQueueId()))
                .add("broker_name", queue == null ? JsonValue.NULL : JSON.createValue(queue.brokerName()))
                .add("entity_type", d.getEntityType())
                .add("entity_id", text(d.getEntityId()))
                .add("signal", d.getSignal())
                .add("operation", d.getOperation())
                .add(
                        "http_method",
                        webhook == null
                                ? JsonValue.NULL
                                : JSON.createValue(webhook.httpMethod().name()))
                .add("url", destination.address())
                .add("state", d.getState().name().toLowerCase(Locale.ROOT))
                .add("attempts", d.getAttempts())
                .add("failed_rounds", d.getFailedRounds())
                .add("created_at", time(d.getCreatedAt()))
                .add("due_at", time(d.getDueAt()))
                .add("completed_at", time(d.getCompletedAt()))
                .add("last_status", d.getLastStatus() == null ? JsonValue.NULL : JSON.createValue(d.getLastStatus()))
                .add("last_error", text(d.getLastError()));
    }

    private static JsonValue text(String value) {
        return value == null ? JsonValue.NULL : JSON.createValue(value);
    }

    private static JsonValue time(OffsetDateTime time) {
        return time == null ? JsonValue.NULL : JSON.createValue(time.toInstant().toString());
    }
}
