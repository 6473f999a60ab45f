package org.actiontriggers.trigger;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The field names of a config's document, Django Action Triggers' JSON shape — written once, for the API
 * that reads and writes the document, the validation whose {@link Violation} pointers step through it, and
 * the console, which maps a pointer back to the input it concerns.
 *
 * <p>A constant's {@link #toString()} is its name in the document, so it can be a step of
 * {@link Violation#at} or part of a message as it is.
 */
public enum ConfigField {
    ID("id"),
    ACTIVE("active"),
    PAYLOAD("payload"),
    CONFIG_SIGNALS("config_signals"),
    SIGNAL("signal"),
    CONTENT_TYPES("content_types"),
    APP_LABEL("app_label"),
    MODEL("model"),
    /** DAT's documentation writes the model this way; accepted as {@link #MODEL}. */
    MODEL_NAME("model_name"),
    WEBHOOKS("webhooks"),
    URL("url"),
    HTTP_METHOD("http_method"),
    HEADERS("headers"),
    TIMEOUT_SECS("timeout_secs"),
    /** Our extension: a webhook's requests per second across all instances. */
    RATE_LIMIT("rate_limit"),
    /** Our extension: a webhook's requests in flight at once across all instances. */
    MAX_IN_FLIGHT("max_in_flight"),
    MESSAGE_BROKER_QUEUES("message_broker_queues"),
    /** DAT's alias of {@link #MESSAGE_BROKER_QUEUES}. */
    MSG_BROKER_QUEUES("msg_broker_queues"),
    NAME("name"),
    CONN_DETAILS("conn_details"),
    PARAMETERS("parameters"),
    /** Our extension: when a change fires the config, in the condition language ({@code condition} package). */
    CONDITION("condition"),
    /** DAT's AWS Lambda actions: read, but only an empty list is accepted. */
    ACTIONS("actions"),
    CREATED_ON("created_on"),
    CREATED_BY("created_by");

    /** The fields of the document itself; {@code id} and the {@code created_*} ones are read-only. */
    public static final Set<ConfigField> OF_CONFIG = fields(
            ID,
            ACTIVE,
            PAYLOAD,
            CONDITION,
            CONFIG_SIGNALS,
            CONTENT_TYPES,
            WEBHOOKS,
            MESSAGE_BROKER_QUEUES,
            MSG_BROKER_QUEUES,
            ACTIONS,
            CREATED_ON,
            CREATED_BY);

    /** The fields of an item of {@code config_signals}. */
    public static final Set<ConfigField> OF_SIGNAL = fields(SIGNAL);

    /** The fields of an item of {@code content_types}. */
    public static final Set<ConfigField> OF_CONTENT_TYPE = fields(APP_LABEL, MODEL, MODEL_NAME);

    /** The fields of an item of {@code webhooks}. */
    public static final Set<ConfigField> OF_WEBHOOK =
            fields(ID, URL, HTTP_METHOD, HEADERS, TIMEOUT_SECS, RATE_LIMIT, MAX_IN_FLIGHT);

    /** The fields of an item of {@code message_broker_queues}. */
    public static final Set<ConfigField> OF_QUEUE = fields(ID, NAME, CONN_DETAILS, PARAMETERS, TIMEOUT_SECS);

    private static final Map<String, ConfigField> BY_NAME =
            Arrays.stream(values()).collect(Collectors.toMap(ConfigField::toString, Function.identity()));

    private final String name;

    ConfigField(String name) {
        this.name = name;
    }

    /** The field a name of the document denotes, if any. */
    public static Optional<ConfigField> of(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** The field's name in the document, e.g. {@code timeout_secs}. */
    @Override
    public String toString() {
        return name;
    }

    private static Set<ConfigField> fields(ConfigField first, ConfigField... rest) {
        return Collections.unmodifiableSet(EnumSet.of(first, rest));
    }
}
