package org.actiontriggers.admin;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.actiontriggers.policy.DestinationState;

/** A destination's policy state as the API shows it, snake_case like the rest of the API. */
final class DestinationDocuments {

    /** Resolved once: every {@code Json.create…} call looks the provider up again through the class loader. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private DestinationDocuments() {}

    static JsonObject list(List<DestinationState> states) {
        JsonArrayBuilder results = JSON.createArrayBuilder();
        states.forEach(state -> results.add(of(state)));
        return JSON.createObjectBuilder()
                .add("count", states.size())
                .add("results", results)
                .build();
    }

    static JsonObject of(DestinationState s) {
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("destination", s.key().toString())
                .add("kind", s.key().kind().toLowerCase(Locale.ROOT));
        if (s.key().isWebhook()) {
            json.add("webhook_id", s.key().webhookId());
        } else {
            json.add("broker", s.key().brokerName());
        }
        return json.add("address", text(s.address()))
                .add("state", s.breaker().name().toLowerCase(Locale.ROOT))
                .add("healthy", s.healthy())
                .add("failed_rounds", s.failedRounds())
                .add("failing_since", time(s.failingSince()))
                .add("opened_at", time(s.openedAt()))
                .add("next_probe_at", time(s.nextProbeAt()))
                .add(
                        "probe_interval_seconds",
                        s.probeInterval() == null
                                ? JsonValue.NULL
                                : JSON.createValue(s.probeInterval().toMillis() / 1000.0))
                .add("disabled_at", time(s.disabledAt()))
                .add("disabled_reason", text(s.disabledReason()))
                .add("last_success_at", time(s.lastSuccessAt()))
                .add("last_failure_at", time(s.lastFailureAt()))
                .add("last_status", s.lastStatus() == null ? JsonValue.NULL : JSON.createValue(s.lastStatus()))
                .add("last_error", text(s.lastError()))
                .add("rate_limit", s.rateLimit() == null ? JsonValue.NULL : JSON.createValue(s.rateLimit()))
                .add("max_in_flight", s.maxInFlight() == null ? JsonValue.NULL : JSON.createValue(s.maxInFlight()))
                .add("in_flight", s.inFlight())
                .add("waiting", s.waiting())
                .add("updated_at", time(s.updatedAt()))
                .build();
    }

    private static JsonValue time(Instant instant) {
        return instant == null ? JsonValue.NULL : JSON.createValue(instant.toString());
    }

    private static JsonValue text(String text) {
        return text == null ? JsonValue.NULL : JSON.createValue(text);
    }
}
