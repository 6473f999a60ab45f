package org.actiontriggers.admin;

import static org.actiontriggers.trigger.ConfigField.ACTIONS;
import static org.actiontriggers.trigger.ConfigField.ACTIVE;
import static org.actiontriggers.trigger.ConfigField.APP_LABEL;
import static org.actiontriggers.trigger.ConfigField.CONDITION;
import static org.actiontriggers.trigger.ConfigField.CONFIG_SIGNALS;
import static org.actiontriggers.trigger.ConfigField.CONN_DETAILS;
import static org.actiontriggers.trigger.ConfigField.CONTENT_TYPES;
import static org.actiontriggers.trigger.ConfigField.CREATED_BY;
import static org.actiontriggers.trigger.ConfigField.CREATED_ON;
import static org.actiontriggers.trigger.ConfigField.HEADERS;
import static org.actiontriggers.trigger.ConfigField.HTTP_METHOD;
import static org.actiontriggers.trigger.ConfigField.ID;
import static org.actiontriggers.trigger.ConfigField.MAX_IN_FLIGHT;
import static org.actiontriggers.trigger.ConfigField.MESSAGE_BROKER_QUEUES;
import static org.actiontriggers.trigger.ConfigField.MODEL;
import static org.actiontriggers.trigger.ConfigField.MODEL_NAME;
import static org.actiontriggers.trigger.ConfigField.MSG_BROKER_QUEUES;
import static org.actiontriggers.trigger.ConfigField.NAME;
import static org.actiontriggers.trigger.ConfigField.PARAMETERS;
import static org.actiontriggers.trigger.ConfigField.PAYLOAD;
import static org.actiontriggers.trigger.ConfigField.RATE_LIMIT;
import static org.actiontriggers.trigger.ConfigField.SIGNAL;
import static org.actiontriggers.trigger.ConfigField.TIMEOUT_SECS;
import static org.actiontriggers.trigger.ConfigField.URL;
import static org.actiontriggers.trigger.ConfigField.WEBHOOKS;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ObjIntConsumer;
import org.actiontriggers.secret.SecretMasker;
import org.actiontriggers.trigger.BrokerQueueDraft;
import org.actiontriggers.trigger.Config;
import org.actiontriggers.trigger.ConfigDraft;
import org.actiontriggers.trigger.ConfigDraft.ContentTypeDraft;
import org.actiontriggers.trigger.ConfigField;
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

    /** Resolved once: every {@code Json.create…} call looks the provider up again through the class loader. */
    private static final JsonProvider JSON = JsonProvider.provider();

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
        unknownFields(doc, ConfigField.OF_CONFIG, "", violations);
        if (expectedId != null && has(doc, ID) && !isNumber(valueOf(doc, ID), expectedId)) {
            violations.add(Violation.at("does not match the id in the URL (" + expectedId + ")", ID));
        }
        Boolean active = null;
        if (has(doc, ACTIVE)) {
            active = booleanOf(valueOf(doc, ACTIVE));
            if (active == null) {
                violations.add(Violation.at("must be true or false", ACTIVE));
            }
        }
        List<String> signals = signals(doc, violations);
        List<ContentTypeDraft> contentTypes = contentTypes(doc, violations);
        List<WebhookDraft> webhooks = webhooks(doc, violations);
        List<BrokerQueueDraft> queues = List.of();
        if (has(doc, MESSAGE_BROKER_QUEUES) && has(doc, MSG_BROKER_QUEUES)) {
            violations.add(Violation.at(
                    "give " + MESSAGE_BROKER_QUEUES + " or " + MSG_BROKER_QUEUES + " (its alias), not both",
                    MSG_BROKER_QUEUES));
        } else {
            queues = brokerQueues(
                    doc, has(doc, MSG_BROKER_QUEUES) ? MSG_BROKER_QUEUES : MESSAGE_BROKER_QUEUES, violations);
        }
        JsonArray actions = array(doc, ACTIONS, violations);
        if (actions != null && !actions.isEmpty()) {
            violations.add(Violation.at(
                    "is not supported yet: webhooks and message broker queues can be triggered, actions (AWS"
                            + " Lambda) cannot; send an empty list or leave it out",
                    ACTIONS));
        }
        if (!violations.isEmpty()) {
            throw new InvalidConfigException(violations);
        }
        return new ConfigDraft(
                active, valueOf(doc, PAYLOAD), signals, contentTypes, webhooks, queues, valueOf(doc, CONDITION));
    }

    /** The value of {@code active} in a PATCH document, which may hold nothing else. */
    static boolean activeOf(JsonValue document) {
        List<Violation> violations = new ArrayList<>();
        if (!(document instanceof JsonObject doc)) {
            throw new InvalidConfigException(List.of(new Violation("", "must be a JSON object: {\"active\": false}")));
        }
        doc.keySet().stream()
                .filter(name -> !name.equals(ACTIVE.toString()))
                .forEach(name -> violations.add(Violation.at(
                        "cannot be patched; only " + ACTIVE + " can (use PUT to replace the whole config)", name)));
        JsonValue value = valueOf(doc, ACTIVE);
        if (value == null) {
            violations.add(Violation.at("is required", ACTIVE));
        } else if (booleanOf(value) == null) {
            violations.add(Violation.at("must be true or false", ACTIVE));
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
        eachItem(
                doc,
                CONFIG_SIGNALS,
                ConfigField.OF_SIGNAL,
                violations,
                (item, i) -> signals.add(string(item, SIGNAL, violations, CONFIG_SIGNALS, i)));
        return signals;
    }

    private static List<ContentTypeDraft> contentTypes(JsonObject doc, List<Violation> violations) {
        List<ContentTypeDraft> types = new ArrayList<>();
        eachItem(doc, CONTENT_TYPES, ConfigField.OF_CONTENT_TYPE, violations, (item, i) -> {
            if (has(item, MODEL) && has(item, MODEL_NAME)) {
                violations.add(Violation.at(
                        "give " + MODEL + " or " + MODEL_NAME + ", not both", CONTENT_TYPES, i, MODEL_NAME));
                return;
            }
            ConfigField field = has(item, MODEL_NAME) ? MODEL_NAME : MODEL;
            String appLabel = string(item, APP_LABEL, violations, CONTENT_TYPES, i);
            types.add(new ContentTypeDraft(appLabel, string(item, field, violations, CONTENT_TYPES, i), field));
        });
        return types;
    }

    private static List<WebhookDraft> webhooks(JsonObject doc, List<Violation> violations) {
        List<WebhookDraft> webhooks = new ArrayList<>();
        eachItem(doc, WEBHOOKS, ConfigField.OF_WEBHOOK, violations, (item, i) -> {
            Map<String, String> headers = new LinkedHashMap<>();
            JsonValue given = valueOf(item, HEADERS);
            if (given instanceof JsonObject object) {
                for (var header : object.entrySet()) {
                    if (header.getValue() instanceof JsonString text) {
                        headers.put(header.getKey(), text.getString());
                    } else {
                        violations.add(Violation.at("must be a string", WEBHOOKS, i, HEADERS, header.getKey()));
                    }
                }
            } else if (given != null && given.getValueType() != JsonValue.ValueType.NULL) {
                violations.add(Violation.at("must be an object of header names to values", WEBHOOKS, i, HEADERS));
            }
            Double timeout = timeout(item, violations, WEBHOOKS, i);
            Double rateLimit = null;
            JsonValue rate = valueOf(item, RATE_LIMIT);
            if (rate instanceof JsonNumber number) {
                rateLimit = number.doubleValue();
            } else if (rate != null && rate.getValueType() != JsonValue.ValueType.NULL) {
                violations.add(
                        Violation.at("must be a number of requests per second or null", WEBHOOKS, i, RATE_LIMIT));
            }
            Integer maxInFlight = null;
            JsonValue cap = valueOf(item, MAX_IN_FLIGHT);
            if (cap instanceof JsonNumber number && number.isIntegral()) {
                maxInFlight = number.bigIntegerValue()
                        .min(java.math.BigInteger.valueOf(Integer.MAX_VALUE))
                        .max(java.math.BigInteger.valueOf(Integer.MIN_VALUE))
                        .intValue();
            } else if (cap != null && cap.getValueType() != JsonValue.ValueType.NULL) {
                violations.add(Violation.at("must be a whole number of requests or null", WEBHOOKS, i, MAX_IN_FLIGHT));
            }
            webhooks.add(new WebhookDraft(
                    string(item, URL, violations, WEBHOOKS, i),
                    string(item, HTTP_METHOD, violations, WEBHOOKS, i),
                    headers,
                    timeout,
                    rateLimit,
                    maxInFlight));
        });
        return webhooks;
    }

    private static List<BrokerQueueDraft> brokerQueues(JsonObject doc, ConfigField field, List<Violation> violations) {
        List<BrokerQueueDraft> queues = new ArrayList<>();
        eachItem(doc, field, ConfigField.OF_QUEUE, violations, (item, i) -> {
            Double timeout = timeout(item, violations, field, i);
            queues.add(new BrokerQueueDraft(
                    string(item, NAME, violations, field, i),
                    stringMap(item, CONN_DETAILS, violations, field, i),
                    stringMap(item, PARAMETERS, violations, field, i),
                    timeout));
        });
        return queues;
    }

    /**
     * Reads each item of a list field that is an object of known fields, after reporting those that are not;
     * the reader gets the item and its index.
     */
    private static void eachItem(
            JsonObject doc,
            ConfigField list,
            Set<ConfigField> fields,
            List<Violation> violations,
            ObjIntConsumer<JsonObject> reader) {
        JsonArray items = array(doc, list, violations);
        if (items == null) {
            return;
        }
        for (int i = 0; i < items.size(); i++) {
            JsonObject item = object(items.get(i), violations, list, i);
            if (item != null) {
                unknownFields(item, fields, Violation.pointerOf(list, i), violations);
                reader.accept(item, i);
            }
        }
    }

    /** An item's {@code timeout_secs}: a number of seconds, or {@code null} when absent or null. */
    private static Double timeout(JsonObject item, List<Violation> violations, ConfigField list, int index) {
        JsonValue seconds = valueOf(item, TIMEOUT_SECS);
        if (seconds instanceof JsonNumber number) {
            return number.doubleValue();
        }
        if (seconds != null && seconds.getValueType() != JsonValue.ValueType.NULL) {
            violations.add(Violation.at("must be a number of seconds or null", list, index, TIMEOUT_SECS));
        }
        return null;
    }

    /**
     * An object of names to values: strings as written, numbers and booleans as their JSON text (a port may be
     * written as a number); anything else is reported.
     */
    private static Map<String, String> stringMap(
            JsonObject item, ConfigField name, List<Violation> violations, ConfigField field, int index) {
        Map<String, String> values = new LinkedHashMap<>();
        JsonValue given = valueOf(item, name);
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
    private static JsonArray array(JsonObject doc, ConfigField name, List<Violation> violations) {
        JsonValue value = valueOf(doc, name);
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
    private static String string(JsonObject item, ConfigField name, List<Violation> violations, Object... at) {
        JsonValue value = valueOf(item, name);
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
            JsonObject object, Set<ConfigField> known, String pointer, List<Violation> violations) {
        for (String name : object.keySet()) {
            if (ConfigField.of(name).filter(known::contains).isEmpty()) {
                violations.add(new Violation(
                        pointer + Violation.pointerOf(name),
                        "is not a known field; expected one of "
                                + String.join(
                                        ", ",
                                        known.stream()
                                                .map(ConfigField::toString)
                                                .sorted()
                                                .toList())));
            }
        }
    }

    /** The value of a field; {@code null} when absent. */
    private static JsonValue valueOf(JsonObject object, ConfigField field) {
        return object.get(field.toString());
    }

    private static boolean has(JsonObject object, ConfigField field) {
        return object.containsKey(field.toString());
    }

    private static boolean isNumber(JsonValue value, long expected) {
        return value instanceof JsonNumber number && number.isIntegral() && number.longValue() == expected;
    }

    /** The config as Django Action Triggers' document, header credentials masked. */
    static JsonObject toJson(Config config) {
        JsonArrayBuilder signals = JSON.createArrayBuilder();
        for (ConfigSignal signal : config.getConfigSignals()) {
            signals.add(JSON.createObjectBuilder()
                    .add(SIGNAL.toString(), signal.getSignal().value()));
        }
        JsonArrayBuilder types = JSON.createArrayBuilder();
        config.getContentTypes().stream()
                .sorted()
                .forEach(type -> types.add(JSON.createObjectBuilder().add(MODEL.toString(), type)));
        JsonArrayBuilder webhooks = JSON.createArrayBuilder();
        for (Webhook webhook : config.getWebhooks()) {
            webhooks.add(webhookJson(webhook));
        }
        JsonArrayBuilder queues = JSON.createArrayBuilder();
        for (MessageBrokerQueue queue : config.getBrokerQueues()) {
            queues.add(queueJson(queue));
        }
        JsonValue payload = config.payloadTemplate();
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add(ID.toString(), config.getId() == null ? JsonValue.NULL : JSON.createValue(config.getId()))
                .add(ACTIVE.toString(), config.isActive())
                .add(PAYLOAD.toString(), payload == null ? JsonValue.NULL : payload)
                .add(CONFIG_SIGNALS.toString(), signals)
                .add(CONTENT_TYPES.toString(), types)
                .add(WEBHOOKS.toString(), webhooks)
                .add(MESSAGE_BROKER_QUEUES.toString(), queues)
                .add(ACTIONS.toString(), JsonValue.EMPTY_JSON_ARRAY);
        // the extension field only when set, so a config without a condition reads exactly as in DAT
        if (config.getCondition() != null) {
            json.add(CONDITION.toString(), conditionOf(config));
        }
        json.add(
                CREATED_ON.toString(),
                config.getCreatedOn() == null
                        ? JsonValue.NULL
                        : JSON.createValue(config.getCreatedOn().toString()));
        json.add(
                CREATED_BY.toString(),
                config.getCreatedBy() == null ? JsonValue.NULL : JSON.createValue(config.getCreatedBy()));
        return json.build();
    }

    /** The stored condition as JSON; text stored behind the application's back that is not JSON, as a string. */
    private static JsonValue conditionOf(Config config) {
        try {
            JsonValue condition = config.conditionJson();
            return condition == null ? JsonValue.NULL : condition;
        } catch (jakarta.json.JsonException e) {
            return JSON.createValue(config.getCondition());
        }
    }

    /** A queue as DAT's document; connection values that look like credentials (password, token…) masked. */
    private static JsonObjectBuilder queueJson(MessageBrokerQueue queue) {
        JsonObjectBuilder conn = JSON.createObjectBuilder();
        queue.getConnDetails().forEach((name, value) -> conn.add(name, SecretMasker.mask(name, value)));
        JsonObjectBuilder parameters = JSON.createObjectBuilder();
        queue.getParameters().forEach(parameters::add);
        JsonObjectBuilder json = JSON.createObjectBuilder();
        if (queue.getId() != null) {
            json.add(ID.toString(), queue.getId());
        }
        return json.add(NAME.toString(), queue.getName())
                .add(CONN_DETAILS.toString(), conn)
                .add(PARAMETERS.toString(), parameters)
                .add(
                        TIMEOUT_SECS.toString(),
                        queue.getTimeoutSecs() == null ? JsonValue.NULL : JSON.createValue(queue.getTimeoutSecs()));
    }

    private static JsonObjectBuilder webhookJson(Webhook webhook) {
        JsonObjectBuilder headers = JSON.createObjectBuilder();
        SecretMasker.maskHeaders(webhook.getHeaders()).forEach(headers::add);
        JsonObjectBuilder json = JSON.createObjectBuilder();
        if (webhook.getId() != null) {
            json.add(ID.toString(), webhook.getId());
        }
        json.add(URL.toString(), webhook.getUrl())
                .add(HTTP_METHOD.toString(), webhook.getHttpMethod().name())
                .add(HEADERS.toString(), headers)
                .add(
                        TIMEOUT_SECS.toString(),
                        webhook.getTimeoutSecs() == null ? JsonValue.NULL : JSON.createValue(webhook.getTimeoutSecs()));
        // the extension fields only when set, so a webhook without limits reads exactly as in DAT
        if (webhook.getRateLimit() != null) {
            json.add(RATE_LIMIT.toString(), webhook.getRateLimit());
        }
        if (webhook.getMaxInFlight() != null) {
            json.add(MAX_IN_FLIGHT.toString(), webhook.getMaxInFlight());
        }
        return json;
    }
}
