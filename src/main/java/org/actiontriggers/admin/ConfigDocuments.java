package org.actiontriggers.admin;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.actiontriggers.secret.SecretMasker;
import org.actiontriggers.trigger.BrokerQueueDraft;
import org.actiontriggers.trigger.Config;
import org.actiontriggers.trigger.ConfigDraft;
import org.actiontriggers.trigger.ConfigDraft.ContentTypeDraft;
import org.actiontriggers.trigger.ConfigSignal;
import org.actiontriggers.trigger.InvalidConfigException;
import org.actiontriggers.trigger.MessageBrokerQueue;
import org.actiontriggers.trigger.Violation;
import org.actiontriggers.trigger.Webhook;
import org.actiontriggers.trigger.WebhookDraft;

/**
 * Django Action Triggers' JSON document of a config, both ways: read strictly (a wrong type or an unknown
 * field is named by its JSON pointer, never ignored or coerced) into a {@link ConfigDraft}, and written with
 * credentials masked.
 *
 * <p>Read-only fields a client gets from a read ({@code id}, {@code created_on}, {@code created_by}, a
 * webhook's {@code id}) are accepted and ignored, so a document can be read, changed and written back.
 */
final class ConfigDocuments {

    private static final Set<String> TOP_LEVEL = Set.of(
            "id",
            "active",
            "payload",
            "config_signals",
            "content_types",
            "webhooks",
            "message_broker_queues",
            "msg_broker_queues",
            "actions",
            "created_on",
            "created_by");
    private static final Set<String> SIGNAL_FIELDS = Set.of("signal");
    private static final Set<String> CONTENT_TYPE_FIELDS = Set.of("app_label", "model", "model_name");
    private static final Set<String> WEBHOOK_FIELDS = Set.of("id", "url", "http_method", "headers", "timeout_secs");
    private static final Set<String> QUEUE_FIELDS = Set.of("id", "name", "conn_details", "parameters", "timeout_secs");

    private ConfigDocuments() {}

    /**
     * The draft a document describes.
     *
     * @param expectedId the id in the URL of an update, which a given {@code id} must equal; {@code null} on create
     * @throws InvalidConfigException naming every field of the wrong shape
     */
    static ConfigDraft draftOf(JsonValue document, Long expectedId) {
        List<Violation> violations = new ArrayList<>();
        if (!(document instanceof JsonObject doc)) {
            throw new InvalidConfigException(List.of(new Violation("", "must be a JSON object")));
        }
        unknownFields(doc, TOP_LEVEL, "", violations);
        if (expectedId != null && doc.containsKey("id") && !isNumber(doc.get("id"), expectedId)) {
            violations.add(Violation.at("does not match the id in the URL (" + expectedId + ")", "id"));
        }
        Boolean active = null;
        if (doc.containsKey("active")) {
            active = booleanOf(doc.get("active"));
            if (active == null) {
                violations.add(Violation.at("must be true or false", "active"));
            }
        }
        List<String> signals = signals(doc, violations);
        List<ContentTypeDraft> contentTypes = contentTypes(doc, violations);
        List<WebhookDraft> webhooks = webhooks(doc, violations);
        List<BrokerQueueDraft> queues = List.of();
        if (doc.containsKey("message_broker_queues") && doc.containsKey("msg_broker_queues")) {
            violations.add(Violation.at(
                    "give message_broker_queues or msg_broker_queues (its alias), not both", "msg_broker_queues"));
        } else {
            queues = brokerQueues(
                    doc,
                    doc.containsKey("msg_broker_queues") ? "msg_broker_queues" : "message_broker_queues",
                    violations);
        }
        JsonArray actions = array(doc, "actions", violations);
        if (actions != null && !actions.isEmpty()) {
            violations.add(Violation.at(
                    "is not supported yet: webhooks and message broker queues can be triggered, actions (AWS"
                            + " Lambda) cannot; send an empty list or leave it out",
                    "actions"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidConfigException(violations);
        }
        return new ConfigDraft(active, doc.get("payload"), signals, contentTypes, webhooks, queues);
    }

    /** The value of {@code active} in a PATCH document, which may hold nothing else. */
    static boolean activeOf(JsonValue document) {
        List<Violation> violations = new ArrayList<>();
        if (!(document instanceof JsonObject doc)) {
            throw new InvalidConfigException(List.of(new Violation("", "must be a JSON object: {\"active\": false}")));
        }
        doc.keySet().stream()
                .filter(name -> !name.equals("active"))
                .forEach(name -> violations.add(Violation.at(
                        "cannot be patched; only active can (use PUT to replace the whole config)", name)));
        JsonValue value = doc.get("active");
        if (value == null) {
            violations.add(Violation.at("is required", "active"));
        } else if (booleanOf(value) == null) {
            violations.add(Violation.at("must be true or false", "active"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidConfigException(violations);
        }
        return booleanOf(value);
    }

    /**
     * A JSON boolean as a {@code Boolean}, else null. By value type, not by identity with
     * {@code JsonValue.TRUE}: a JSON-P provider may return its own instances (WildFly's does).
     */
    private static Boolean booleanOf(JsonValue value) {
        return switch (value.getValueType()) {
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            default -> null;
        };
    }

    private static List<String> signals(JsonObject doc, List<Violation> violations) {
        List<String> signals = new ArrayList<>();
        JsonArray items = array(doc, "config_signals", violations);
        if (items == null) {
            return signals;
        }
        for (int i = 0; i < items.size(); i++) {
            JsonObject item = object(items.get(i), violations, "config_signals", i);
            if (item != null) {
                unknownFields(item, SIGNAL_FIELDS, Violation.pointerOf("config_signals", i), violations);
                signals.add(string(item, "signal", violations, "config_signals", i));
            }
        }
        return signals;
    }

    private static List<ContentTypeDraft> contentTypes(JsonObject doc, List<Violation> violations) {
        List<ContentTypeDraft> types = new ArrayList<>();
        JsonArray items = array(doc, "content_types", violations);
        if (items == null) {
            return types;
        }
        for (int i = 0; i < items.size(); i++) {
            JsonObject item = object(items.get(i), violations, "content_types", i);
            if (item == null) {
                continue;
            }
            unknownFields(item, CONTENT_TYPE_FIELDS, Violation.pointerOf("content_types", i), violations);
            if (item.containsKey("model") && item.containsKey("model_name")) {
                violations.add(Violation.at("give model or model_name, not both", "content_types", i, "model_name"));
                continue;
            }
            String field = item.containsKey("model_name") ? "model_name" : "model";
            String appLabel = string(item, "app_label", violations, "content_types", i);
            types.add(new ContentTypeDraft(appLabel, string(item, field, violations, "content_types", i), field));
        }
        return types;
    }

    private static List<WebhookDraft> webhooks(JsonObject doc, List<Violation> violations) {
        List<WebhookDraft> webhooks = new ArrayList<>();
        JsonArray items = array(doc, "webhooks", violations);
        if (items == null) {
            return webhooks;
        }
        for (int i = 0; i < items.size(); i++) {
            JsonObject item = object(items.get(i), violations, "webhooks", i);
            if (item == null) {
                continue;
            }
            unknownFields(item, WEBHOOK_FIELDS, Violation.pointerOf("webhooks", i), violations);
            Map<String, String> headers = new LinkedHashMap<>();
            JsonValue given = item.get("headers");
            if (given instanceof JsonObject object) {
                for (var header : object.entrySet()) {
                    if (header.getValue() instanceof JsonString text) {
                        headers.put(header.getKey(), text.getString());
                    } else {
                        violations.add(Violation.at("must be a string", "webhooks", i, "headers", header.getKey()));
                    }
                }
            } else if (given != null && given.getValueType() != JsonValue.ValueType.NULL) {
                violations.add(Violation.at("must be an object of header names to values", "webhooks", i, "headers"));
            }
            Double timeout = null;
            JsonValue seconds = item.get("timeout_secs");
            if (seconds instanceof JsonNumber number) {
                timeout = number.doubleValue();
            } else if (seconds != null && seconds.getValueType() != JsonValue.ValueType.NULL) {
                violations.add(Violation.at("must be a number of seconds or null", "webhooks", i, "timeout_secs"));
            }
            webhooks.add(new WebhookDraft(
                    string(item, "url", violations, "webhooks", i),
                    string(item, "http_method", violations, "webhooks", i),
                    headers,
                    timeout));
        }
        return webhooks;
    }

    private static List<BrokerQueueDraft> brokerQueues(JsonObject doc, String field, List<Violation> violations) {
        List<BrokerQueueDraft> queues = new ArrayList<>();
        JsonArray items = array(doc, field, violations);
        if (items == null) {
            return queues;
        }
        for (int i = 0; i < items.size(); i++) {
            JsonObject item = object(items.get(i), violations, field, i);
            if (item == null) {
                continue;
            }
            unknownFields(item, QUEUE_FIELDS, Violation.pointerOf(field, i), violations);
            Double timeout = null;
            JsonValue seconds = item.get("timeout_secs");
            if (seconds instanceof JsonNumber number) {
                timeout = number.doubleValue();
            } else if (seconds != null && seconds.getValueType() != JsonValue.ValueType.NULL) {
                violations.add(Violation.at("must be a number of seconds or null", field, i, "timeout_secs"));
            }
            queues.add(new BrokerQueueDraft(
                    string(item, "name", violations, field, i),
                    stringMap(item, "conn_details", violations, field, i),
                    stringMap(item, "parameters", violations, field, i),
                    timeout));
        }
        return queues;
    }

    /**
     * An object of names to values: strings as written, numbers and booleans as their JSON text (a port may be
     * written as a number); anything else is reported.
     */
    private static Map<String, String> stringMap(
            JsonObject item, String name, List<Violation> violations, String field, int index) {
        Map<String, String> values = new LinkedHashMap<>();
        JsonValue given = item.get(name);
        if (given instanceof JsonObject object) {
            for (var entry : object.entrySet()) {
                JsonValue value = entry.getValue();
                if (value instanceof JsonString text) {
                    values.put(entry.getKey(), text.getString());
                } else if (value instanceof JsonNumber || booleanOf(value) != null) {
                    values.put(entry.getKey(), value.toString());
                } else {
                    violations.add(
                            Violation.at("must be a string, number or boolean", field, index, name, entry.getKey()));
                }
            }
        } else if (given != null && given.getValueType() != JsonValue.ValueType.NULL) {
            violations.add(Violation.at("must be an object of names to values", field, index, name));
        }
        return values;
    }

    /** The array under the name; {@code null} when absent, null, or (reported) not an array. */
    private static JsonArray array(JsonObject doc, String name, List<Violation> violations) {
        JsonValue value = doc.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value instanceof JsonArray array) {
            return array;
        }
        violations.add(Violation.at("must be a list", name));
        return null;
    }

    private static JsonObject object(JsonValue value, List<Violation> violations, Object... steps) {
        if (value instanceof JsonObject object) {
            return object;
        }
        violations.add(Violation.at("must be an object", steps));
        return null;
    }

    /** The string under the name; {@code null} when absent or null, or (reported) not a string. */
    private static String string(JsonObject item, String name, List<Violation> violations, Object... at) {
        JsonValue value = item.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value instanceof JsonString text) {
            return text.getString();
        }
        Object[] steps = Arrays.copyOf(at, at.length + 1);
        steps[at.length] = name;
        violations.add(Violation.at("must be a string", steps));
        return null;
    }

    private static void unknownFields(
            JsonObject object, Set<String> known, String pointer, List<Violation> violations) {
        for (String name : object.keySet()) {
            if (!known.contains(name)) {
                violations.add(new Violation(
                        pointer + Violation.pointerOf(name),
                        "is not a known field; expected one of "
                                + String.join(", ", known.stream().sorted().toList())));
            }
        }
    }

    private static boolean isNumber(JsonValue value, long expected) {
        return value instanceof JsonNumber number && number.isIntegral() && number.longValue() == expected;
    }

    /** The config as Django Action Triggers' document, header credentials masked. */
    static JsonObject toJson(Config config) {
        JsonArrayBuilder signals = Json.createArrayBuilder();
        for (ConfigSignal signal : config.getConfigSignals()) {
            signals.add(
                    Json.createObjectBuilder().add("signal", signal.getSignal().value()));
        }
        JsonArrayBuilder types = Json.createArrayBuilder();
        config.getContentTypes().stream()
                .sorted()
                .forEach(type -> types.add(Json.createObjectBuilder().add("model", type)));
        JsonArrayBuilder webhooks = Json.createArrayBuilder();
        for (Webhook webhook : config.getWebhooks()) {
            webhooks.add(webhookJson(webhook));
        }
        JsonArrayBuilder queues = Json.createArrayBuilder();
        for (MessageBrokerQueue queue : config.getBrokerQueues()) {
            queues.add(queueJson(queue));
        }
        JsonValue payload = config.payloadTemplate();
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("id", config.getId() == null ? JsonValue.NULL : Json.createValue(config.getId()))
                .add("active", config.isActive())
                .add("payload", payload == null ? JsonValue.NULL : payload)
                .add("config_signals", signals)
                .add("content_types", types)
                .add("webhooks", webhooks)
                .add("message_broker_queues", queues)
                .add("actions", JsonValue.EMPTY_JSON_ARRAY);
        json.add(
                "created_on",
                config.getCreatedOn() == null
                        ? JsonValue.NULL
                        : Json.createValue(config.getCreatedOn().toString()));
        json.add(
                "created_by", config.getCreatedBy() == null ? JsonValue.NULL : Json.createValue(config.getCreatedBy()));
        return json.build();
    }

    /** A queue as DAT's document; connection values that look like credentials (password, token…) masked. */
    private static JsonObjectBuilder queueJson(MessageBrokerQueue queue) {
        JsonObjectBuilder conn = Json.createObjectBuilder();
        queue.getConnDetails().forEach((name, value) -> conn.add(name, SecretMasker.mask(name, value)));
        JsonObjectBuilder parameters = Json.createObjectBuilder();
        queue.getParameters().forEach(parameters::add);
        JsonObjectBuilder json = Json.createObjectBuilder();
        if (queue.getId() != null) {
            json.add("id", queue.getId());
        }
        return json.add("name", queue.getName())
                .add("conn_details", conn)
                .add("parameters", parameters)
                .add(
                        "timeout_secs",
                        queue.getTimeoutSecs() == null ? JsonValue.NULL : Json.createValue(queue.getTimeoutSecs()));
    }

    private static JsonObjectBuilder webhookJson(Webhook webhook) {
        JsonObjectBuilder headers = Json.createObjectBuilder();
        SecretMasker.maskHeaders(webhook.getHeaders()).forEach(headers::add);
        JsonObjectBuilder json = Json.createObjectBuilder();
        if (webhook.getId() != null) {
            json.add("id", webhook.getId());
        }
        return json.add("url", webhook.getUrl())
                .add("http_method", webhook.getHttpMethod().name())
                .add("headers", headers)
                .add(
                        "timeout_secs",
                        webhook.getTimeoutSecs() == null ? JsonValue.NULL : Json.createValue(webhook.getTimeoutSecs()));
    }
}
