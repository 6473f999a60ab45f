package org.actiontriggers.admin;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.actiontriggers.record.PayloadPreview;
import org.actiontriggers.record.RenderedPayload;
import org.actiontriggers.trigger.InvalidConfigException;
import org.actiontriggers.trigger.Signal;
import org.actiontriggers.trigger.Violation;

/**
 * The preview's request and answer documents: {@code {PayloadPreview.ENTITY_TYPE: "Sale", PayloadPreview.ENTITY_ID: 3, "signal":
 * "post_save"}}, with {@code "config": {…}} for a config not yet saved; and the rendered body with each
 * webhook's request.
 */
final class PreviewRequests {

    /** Resolved once: every {@code Json.create…} call looks the provider up again through the class loader. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private static final Set<String> FIELDS =
            Set.of(PayloadPreview.ENTITY_TYPE, PayloadPreview.ENTITY_ID, "signal", PayloadPreview.PREVIOUS);
    private static final Set<String> FIELDS_WITH_CONFIG =
            Set.of(PayloadPreview.ENTITY_TYPE, PayloadPreview.ENTITY_ID, "signal", PayloadPreview.PREVIOUS, "config");

    private PreviewRequests() {}

    /**
     * What to preview.
     *
     * @param config the unsaved config's document, or {@code null} for a saved config
     * @param signal {@code null} for the config's first
     * @param previous the entity's previous values that differ from its stored ones, as plain values; {@code
     *     null} for a preview without a previous state
     */
    record PreviewRequest(
            JsonValue config, String entityType, String entityId, Signal signal, Map<String, Object> previous) {}

    static PreviewRequest of(JsonValue document, boolean withConfig) {
        if (!(document instanceof JsonObject doc)) {
            throw new InvalidConfigException(List.of(new Violation("", "must be a JSON object")));
        }
        List<Violation> violations = new ArrayList<>();
        Set<String> known = withConfig ? FIELDS_WITH_CONFIG : FIELDS;
        for (String name : doc.keySet()) {
            if (!known.contains(name)) {
                violations.add(Violation.at(
                        "is not a known field; expected one of "
                                + String.join(", ", known.stream().sorted().toList()),
                        name));
            }
        }
        String entityType = null;
        if (doc.get(PayloadPreview.ENTITY_TYPE) instanceof JsonString type) {
            entityType = type.getString();
        } else {
            violations.add(Violation.at("is required: the entity's type, e.g. Sale", PayloadPreview.ENTITY_TYPE));
        }
        String entityId = null;
        JsonValue id = doc.get(PayloadPreview.ENTITY_ID);
        if (id instanceof JsonString text) {
            entityId = text.getString();
        } else if (id instanceof JsonNumber number) {
            entityId = number.toString();
        } else {
            violations.add(Violation.at("is required: the entity's id", PayloadPreview.ENTITY_ID));
        }
        Signal signal = null;
        JsonValue given = doc.get("signal");
        if (given instanceof JsonString text) {
            try {
                signal = Signal.parse(text.getString());
            } catch (IllegalArgumentException e) {
                violations.add(Violation.at(e.getMessage(), "signal"));
            }
        } else if (given != null && given.getValueType() != JsonValue.ValueType.NULL) {
            violations.add(Violation.at("must be a string, e.g. post_save", "signal"));
        }
        Map<String, Object> previous = previousOf(doc.get(PayloadPreview.PREVIOUS), violations);
        JsonValue config = doc.get("config");
        if (withConfig && config == null) {
            violations.add(Violation.at("is required: the config's document", "config"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidConfigException(violations);
        }
        return new PreviewRequest(config, entityType, entityId, signal, previous);
    }

    /** {@code "previous": {"status": "in_progress"}}: top-level properties as strings, numbers, booleans or null. */
    private static Map<String, Object> previousOf(JsonValue given, List<Violation> violations) {
        if (given == null || given.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (!(given instanceof JsonObject values)) {
            violations.add(Violation.at(
                    "must be an object of the entity's previous values, e.g. {\"status\": \"in_progress\"}",
                    PayloadPreview.PREVIOUS));
            return null;
        }
        Map<String, Object> previous = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            switch (value.getValueType()) {
                case STRING -> previous.put(name, ((JsonString) value).getString());
                case NUMBER -> previous.put(name, ((JsonNumber) value).bigDecimalValue());
                case TRUE -> previous.put(name, Boolean.TRUE);
                case FALSE -> previous.put(name, Boolean.FALSE);
                case NULL -> previous.put(name, null);
                default ->
                    violations.add(Violation.at(
                            "must be a string, number, boolean or null: a property's previous value",
                            PayloadPreview.PREVIOUS,
                            name));
            }
        });
        return previous;
    }

    /** Runs the step with the pointers of its violations moved under {@code /config}. */
    static <T> T underConfig(Supplier<T> step) {
        try {
            return step.get();
        } catch (InvalidConfigException e) {
            throw new InvalidConfigException(e.violations().stream()
                    .map(v -> new Violation("/config" + v.pointer(), v.reason()))
                    .toList());
        }
    }

    static JsonObject toJson(PayloadPreview.Result result) {
        RenderedPayload payload = result.payload();
        JsonArrayBuilder webhooks = JSON.createArrayBuilder();
        for (PayloadPreview.WebhookRequest request : result.requests()) {
            JsonObjectBuilder headers = JSON.createObjectBuilder();
            request.headers().forEach(headers::add);
            webhooks.add(JSON.createObjectBuilder()
                    .add("url", request.url())
                    .add("http_method", request.httpMethod().name())
                    .add("headers", headers));
        }
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add(PayloadPreview.ENTITY_TYPE, result.entityType())
                .add(PayloadPreview.ENTITY_ID, result.entityId())
                .add("signal", result.signal().name().toLowerCase(Locale.ROOT))
                .add("content_type", payload.contentType())
                .add("body", payload.body());
        if (RenderedPayload.JSON.equals(payload.contentType())) {
            try (JsonReader reader = JSON.createReader(new StringReader(payload.body()))) {
                json.add("payload", reader.readValue());
            }
        }
        json.add("fires", result.fires());
        if (!result.fires()) {
            json.add(
                    "condition_failed",
                    JSON.createObjectBuilder()
                            .add("pointer", result.condition().pointer())
                            .add("detail", result.condition().reason()));
        }
        return json.add("webhooks", webhooks).build();
    }
}
