package org.actiontriggers.trigger;

import static org.actiontriggers.trigger.ConfigField.CONFIG_SIGNALS;
import static org.actiontriggers.trigger.ConfigField.CONN_DETAILS;
import static org.actiontriggers.trigger.ConfigField.CONTENT_TYPES;
import static org.actiontriggers.trigger.ConfigField.HEADERS;
import static org.actiontriggers.trigger.ConfigField.HTTP_METHOD;
import static org.actiontriggers.trigger.ConfigField.MESSAGE_BROKER_QUEUES;
import static org.actiontriggers.trigger.ConfigField.MODEL;
import static org.actiontriggers.trigger.ConfigField.NAME;
import static org.actiontriggers.trigger.ConfigField.PARAMETERS;
import static org.actiontriggers.trigger.ConfigField.PAYLOAD;
import static org.actiontriggers.trigger.ConfigField.SIGNAL;
import static org.actiontriggers.trigger.ConfigField.TIMEOUT_SECS;
import static org.actiontriggers.trigger.ConfigField.URL;
import static org.actiontriggers.trigger.ConfigField.WEBHOOKS;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.actiontriggers.condition.Condition;
import org.actiontriggers.condition.ConditionParser;
import org.actiontriggers.condition.ConditionProblem;
import org.actiontriggers.condition.EntityFields;
import org.actiontriggers.condition.InvalidConditionException;
import org.actiontriggers.settings.BrokerCatalog;
import org.actiontriggers.settings.BrokerDefinition;
import org.actiontriggers.settings.BrokerKeys;
import org.actiontriggers.settings.Settings;
import org.actiontriggers.template.References;
import org.actiontriggers.template.References.Reference;
import org.actiontriggers.template.TemplateChecker;

/**
 * The one set of rules a trigger configuration must meet before it is saved, whoever saves it (the REST API,
 * the console): every problem is reported at once, each with the JSON pointer of the field it concerns.
 *
 * <p>The same rules as the send-time checks and the settings — whitelisted content types, endpoint patterns
 * matching the whole URL, allowed dynamic import paths, the max webhook timeout — applied early, so an admin
 * learns of a mistake when making it rather than from a failed delivery.
 */
public class ConfigValidator {

    static final int MAX_URL_LENGTH = 2048;
    /** A webhook's rate limit: at least one request a minute, at most what one database can meter. */
    static final double MIN_RATE_LIMIT = 1.0 / 60;

    static final double MAX_RATE_LIMIT = 10_000;
    static final int MAX_PAYLOAD_LENGTH = 1_048_576;
    static final int MAX_HEADERS_LENGTH = 65_536;

    private final Settings settings;
    private final Map<String, String> entityNamesByLowerCase;
    private final TemplateChecker templates;
    private final BrokerCatalog brokerCatalog;
    private final EntityFields entityFields;

    /**
     * @param settings the settings in force
     * @param entityNames the application's entity names, to tell an unknown type from one not whitelisted
     * @param templates the template engine's verdict on a payload template
     * @param brokerCatalog the keys each broker type takes
     */
    public ConfigValidator(
            Settings settings, Set<String> entityNames, TemplateChecker templates, BrokerCatalog brokerCatalog) {
        this(settings, entityNames, templates, brokerCatalog, EntityFields.UNKNOWN);
    }

    /**
     * @param entityFields the persistent properties of the application's entity types, against which a
     *     condition's fields are checked; {@link EntityFields#UNKNOWN} accepts any well-formed path
     */
    public ConfigValidator(
            Settings settings,
            Set<String> entityNames,
            TemplateChecker templates,
            BrokerCatalog brokerCatalog,
            EntityFields entityFields) {
        this.entityFields = entityFields;
        this.brokerCatalog = brokerCatalog;
        this.settings = settings;
        this.entityNamesByLowerCase =
                entityNames.stream().collect(Collectors.toMap(n -> n.toLowerCase(Locale.ROOT), n -> n, (a, b) -> a));
        this.templates = templates;
    }

    /** The entity name a content type's model denotes, matched without regard to case (DAT writes {@code sale}). */
    public Optional<String> entityName(String model) {
        return model == null
                ? Optional.empty()
                : Optional.ofNullable(entityNamesByLowerCase.get(model.trim().toLowerCase(Locale.ROOT)));
    }

    /** Every rule the draft breaks; empty when it may be saved. */
    public List<Violation> validate(ConfigDraft draft) {
        List<Violation> violations = new ArrayList<>();
        checkPayload(draft.payload(), violations);
        checkSignals(draft.signals(), violations);
        checkContentTypes(draft.contentTypes(), violations);
        checkCondition(draft.condition(), draft.contentTypes(), violations);
        checkWebhooks(draft.webhooks(), violations);
        checkBrokerQueues(draft.brokerQueues(), violations);
        return List.copyOf(violations);
    }

    private void checkPayload(JsonValue payload, List<Violation> violations) {
        if (payload == null || payload.getValueType() == JsonValue.ValueType.NULL) {
            return;
        }
        if (payload.getValueType() != JsonValue.ValueType.OBJECT
                && payload.getValueType() != JsonValue.ValueType.STRING) {
            violations.add(
                    Violation.at("must be a JSON object of templates, one text template (a string), or null", PAYLOAD));
            return;
        }
        if (payload.toString().length() > MAX_PAYLOAD_LENGTH) {
            violations.add(Violation.at("is longer than " + MAX_PAYLOAD_LENGTH + " characters", PAYLOAD));
            return;
        }
        checkTemplates(payload, Violation.pointerOf(PAYLOAD), violations);
    }

    private void checkTemplates(JsonValue value, String pointer, List<Violation> violations) {
        switch (value.getValueType()) {
            case OBJECT ->
                ((JsonObject) value)
                        .forEach((name, member) ->
                                checkTemplates(member, pointer + Violation.pointerOf(name), violations));
            case ARRAY -> {
                JsonArray array = (JsonArray) value;
                for (int i = 0; i < array.size(); i++) {
                    checkTemplates(array.get(i), pointer + "/" + i, violations);
                }
            }
            case STRING ->
                templates
                        .problemIn(((JsonString) value).getString())
                        .ifPresent(problem -> violations.add(new Violation(pointer, problem)));
            default -> {
                // numbers, booleans and null are sent as written
            }
        }
    }

    /**
     * The condition parses within its limits, and each field it reads is a property of every watched type whose
     * properties are known (a field that one of them lacks would never match its changes).
     */
    private void checkCondition(
            JsonValue condition, List<ConfigDraft.ContentTypeDraft> contentTypes, List<Violation> violations) {
        Condition parsed;
        try {
            parsed = ConditionParser.parse(condition);
        } catch (InvalidConditionException e) {
            for (ConditionProblem problem : e.problems()) {
                violations.add(new Violation(problem.pointer(), problem.reason()));
            }
            return;
        }
        if (parsed == null) {
            return;
        }
        Set<String> types = new TreeSet<>();
        contentTypes.forEach(type -> entityName(type.model()).ifPresent(types::add));
        for (Condition.FieldUse use : parsed.fields()) {
            for (String type : types) {
                Optional<String> problem = entityFields.problem(type, use.path());
                if (problem.isPresent()) {
                    violations.add(new Violation(use.pointer(), problem.get()));
                    break;
                }
            }
        }
    }

    private void checkSignals(List<String> signals, List<Violation> violations) {
        if (signals.isEmpty()) {
            violations.add(Violation.at(
                    "at least one signal is required (pre_save, post_save, pre_delete, post_delete)", CONFIG_SIGNALS));
            return;
        }
        Set<Signal> seen = EnumSet.noneOf(Signal.class);
        for (int i = 0; i < signals.size(); i++) {
            String name = signals.get(i);
            if (name == null || name.isBlank()) {
                violations.add(Violation.at(
                        "is required: one of pre_save, post_save, pre_delete, post_delete", CONFIG_SIGNALS, i, SIGNAL));
                continue;
            }
            try {
                if (!seen.add(Signal.parse(name))) {
                    violations.add(Violation.at(
                            "'" + name + "' is listed twice; each signal would send the event again",
                            CONFIG_SIGNALS,
                            i,
                            SIGNAL));
                }
            } catch (IllegalArgumentException e) {
                violations.add(Violation.at(e.getMessage(), CONFIG_SIGNALS, i, SIGNAL));
            }
        }
    }

    private void checkContentTypes(List<ConfigDraft.ContentTypeDraft> contentTypes, List<Violation> violations) {
        if (contentTypes.isEmpty()) {
            violations.add(Violation.at(
                    "at least one content type is required; whitelisted: " + whitelisted(), CONTENT_TYPES));
            return;
        }
        Set<String> seen = new TreeSet<>();
        for (int i = 0; i < contentTypes.size(); i++) {
            ConfigDraft.ContentTypeDraft type = contentTypes.get(i);
            ConfigField field = type.field() == null ? MODEL : type.field();
            if (type.model() == null || type.model().isBlank()) {
                violations.add(Violation.at("is required: an entity name, e.g. Sale", CONTENT_TYPES, i, field));
                continue;
            }
            Optional<String> entity = entityName(type.model());
            if (entity.isEmpty()) {
                violations.add(Violation.at(
                        "'" + type.model() + "' is not an entity of this application; whitelisted: " + whitelisted(),
                        CONTENT_TYPES,
                        i,
                        field));
            } else if (!settings.isWhitelistedContentType(entity.get())) {
                violations.add(Violation.at(
                        "'" + entity.get() + "' is not in " + Settings.WHITELISTED_CONTENT_TYPES + "; whitelisted: "
                                + whitelisted(),
                        CONTENT_TYPES,
                        i,
                        field));
            } else if (!seen.add(entity.get())) {
                violations.add(Violation.at("'" + entity.get() + "' is listed twice", CONTENT_TYPES, i, field));
            }
        }
    }

    private String whitelisted() {
        return settings.whitelistedContentTypes().isEmpty()
                ? "none (" + Settings.WHITELISTED_CONTENT_TYPES + " is empty)"
                : String.join(", ", new TreeSet<>(settings.whitelistedContentTypes()));
    }

    private void checkWebhooks(List<WebhookDraft> webhooks, List<Violation> violations) {
        if (tooMany(webhooks.size(), "webhooks", WEBHOOKS, violations)) {
            return;
        }
        for (int i = 0; i < webhooks.size(); i++) {
            WebhookDraft webhook = webhooks.get(i);
            checkUrl(webhook.url(), i, violations);
            if (webhook.httpMethod() != null) {
                try {
                    HttpMethod.parse(webhook.httpMethod());
                } catch (IllegalArgumentException e) {
                    violations.add(Violation.at(e.getMessage(), WEBHOOKS, i, HTTP_METHOD));
                }
            }
            checkHeaders(webhook.headers(), i, violations);
            checkTimeout(
                    webhook.timeoutSecs(),
                    settings.maxWebhookTimeout(),
                    "max webhook timeout (" + Settings.MAX_WEBHOOK_TIMEOUT + ")",
                    WEBHOOKS,
                    i,
                    violations);
            if (webhook.rateLimit() != null
                    && (webhook.rateLimit().isNaN()
                            || webhook.rateLimit() < MIN_RATE_LIMIT
                            || webhook.rateLimit() > MAX_RATE_LIMIT)) {
                violations.add(Violation.at(
                        "must be a number of requests per second from " + MIN_RATE_LIMIT + " to " + MAX_RATE_LIMIT
                                + ", or null for no limit",
                        WEBHOOKS,
                        i,
                        ConfigField.RATE_LIMIT));
            }
            if (webhook.maxInFlight() != null && webhook.maxInFlight() < 1) {
                violations.add(Violation.at(
                        "must be a whole number of requests at once, at least 1, or null for no cap",
                        WEBHOOKS,
                        i,
                        ConfigField.MAX_IN_FLIGHT));
            }
        }
    }

    private void checkUrl(String url, int index, List<Violation> violations) {
        if (url == null || url.isBlank()) {
            violations.add(Violation.at("is required", WEBHOOKS, index, URL));
        } else if (url.length() > MAX_URL_LENGTH) {
            violations.add(Violation.at("is longer than " + MAX_URL_LENGTH + " characters", WEBHOOKS, index, URL));
        } else if (!Settings.isHttpUrl(url)) {
            violations.add(Violation.at("must be an absolute http or https URL with a host", WEBHOOKS, index, URL));
        } else if (settings.whitelistedWebhookEndpointPatterns().isEmpty()) {
            violations.add(Violation.at(
                    "no endpoint is whitelisted: " + Settings.WHITELISTED_WEBHOOK_ENDPOINT_PATTERNS + " is empty",
                    WEBHOOKS,
                    index,
                    URL));
        } else if (!settings.isWhitelistedEndpoint(url)) {
            violations.add(Violation.at(
                    "matches none of " + Settings.WHITELISTED_WEBHOOK_ENDPOINT_PATTERNS
                            + " (a pattern must match the whole URL): "
                            + settings.whitelistedWebhookEndpointPatterns().stream()
                                    .map(Pattern::pattern)
                                    .collect(Collectors.joining(", ")),
                    WEBHOOKS,
                    index,
                    URL));
        }
    }

    private void checkHeaders(Map<String, String> headers, int index, List<Violation> violations) {
        if (HeadersConverter.toJson(headers).length() > MAX_HEADERS_LENGTH) {
            violations.add(
                    Violation.at("take more than " + MAX_HEADERS_LENGTH + " characters", WEBHOOKS, index, HEADERS));
            return;
        }
        List<String> names = new ArrayList<>();
        headers.forEach((name, value) -> {
            Optional<String> problem = HeaderRules.nameProblem(name)
                    .or(() -> HeaderRules.duplicateProblem(name, names))
                    .or(() -> HeaderRules.valueProblem(value));
            names.add(name);
            if (problem.isPresent()) {
                violations.add(Violation.at(problem.get(), WEBHOOKS, index, HEADERS, name));
            } else {
                checkReferences(value, violations, WEBHOOKS, index, HEADERS, name);
            }
        });
    }

    private void checkReferences(String value, List<Violation> violations, Object... at) {
        for (Reference reference : References.in(value)) {
            Optional<String> path = reference.memberPath();
            if (path.isEmpty()) {
                violations.add(Violation.at(
                        "'" + reference.text() + "' is not a {{ fully.qualified.Class.member }} reference", at));
            } else if (!settings.isAllowedDynamicImportPath(path.get())) {
                violations.add(
                        Violation.at("'" + path.get() + "' is not in " + Settings.ALLOWED_DYNAMIC_IMPORT_PATHS, at));
            }
        }
    }

    /** Whether a list holds more destinations than one config may send to; reported if so. */
    private boolean tooMany(int size, String what, ConfigField list, List<Violation> violations) {
        int max = settings.maxWebhooksPerConfig();
        if (size <= max) {
            return false;
        }
        violations.add(Violation.at(
                "has " + size + " " + what + "; at most " + max + " are allowed per config ("
                        + Settings.MAX_WEBHOOKS_PER_CONFIG + ")",
                list));
        return true;
    }

    private void checkBrokerQueues(List<BrokerQueueDraft> queues, List<Violation> violations) {
        if (tooMany(queues.size(), "queues", MESSAGE_BROKER_QUEUES, violations)) {
            return;
        }
        String defined = settings.brokers().isEmpty()
                ? "none (nothing is defined under " + Settings.BROKERS + ")"
                : String.join(", ", new TreeSet<>(settings.brokers().keySet()));
        for (int index = 0; index < queues.size(); index++) {
            int i = index;
            BrokerQueueDraft queue = queues.get(i);
            checkBrokerValues(queue.connDetails(), i, CONN_DETAILS, violations);
            checkBrokerValues(queue.parameters(), i, PARAMETERS, violations);
            checkTimeout(
                    queue.timeoutSecs(),
                    settings.maxBrokerTimeout(),
                    "max broker timeout (" + Settings.MAX_BROKER_TIMEOUT + ")",
                    MESSAGE_BROKER_QUEUES,
                    i,
                    violations);
            if (queue.name() == null || queue.name().isBlank()) {
                violations.add(Violation.at(
                        "is required: the name of a broker; defined: " + defined, MESSAGE_BROKER_QUEUES, i, NAME));
                continue;
            }
            Optional<BrokerDefinition> broker = settings.broker(queue.name());
            if (broker.isEmpty()) {
                violations.add(Violation.at(
                        "'" + queue.name() + "' is not a broker defined in " + Settings.BROKERS + "; defined: "
                                + defined,
                        MESSAGE_BROKER_QUEUES,
                        i,
                        NAME));
                continue;
            }
            Optional<BrokerKeys> keys = brokerCatalog.keys(broker.get().type());
            if (keys.isEmpty()) {
                violations.add(Violation.at(
                        "broker '" + queue.name() + "' has type '"
                                + broker.get().type() + "', which this build cannot publish to",
                        MESSAGE_BROKER_QUEUES,
                        i,
                        NAME));
                continue;
            }
            String type = broker.get().type();
            keys.get()
                    .unknownConn(queue.connDetails())
                    .forEach((key, problem) -> violations.add(Violation.at(
                            problem + " (broker '" + queue.name() + "' is " + type + ")",
                            MESSAGE_BROKER_QUEUES,
                            i,
                            CONN_DETAILS,
                            key)));
            Map<String, String> unknownParams = keys.get().unknownParams(queue.parameters());
            unknownParams.forEach((key, problem) -> violations.add(Violation.at(
                    problem + " (broker '" + queue.name() + "' is " + type + ")",
                    MESSAGE_BROKER_QUEUES,
                    i,
                    PARAMETERS,
                    key)));
            String missing = keys.get().missingParams(broker.get().paramsWith(queue.parameters()));
            if (missing != null && unknownParams.isEmpty()) {
                violations.add(Violation.at(
                        missing + " for broker '" + queue.name() + "' (" + type + "), here or in " + Settings.BROKERS
                                + "." + queue.name() + ".params",
                        MESSAGE_BROKER_QUEUES,
                        i,
                        PARAMETERS));
            }
        }
    }

    private void checkBrokerValues(
            Map<String, String> values, int index, ConfigField field, List<Violation> violations) {
        if (HeadersConverter.toJson(values).length() > MAX_HEADERS_LENGTH) {
            violations.add(Violation.at(
                    "take more than " + MAX_HEADERS_LENGTH + " characters", MESSAGE_BROKER_QUEUES, index, field));
            return;
        }
        values.forEach((key, value) -> {
            if (value == null) {
                violations.add(Violation.at("must be a string", MESSAGE_BROKER_QUEUES, index, field, key));
            } else {
                checkReferences(value, violations, MESSAGE_BROKER_QUEUES, index, field, key);
            }
        });
    }

    /** A webhook's or queue's own timeout: more than nothing, and no more than the setting allows. */
    private static void checkTimeout(
            Double timeoutSecs,
            Duration maxTimeout,
            String maxName,
            ConfigField list,
            int index,
            List<Violation> violations) {
        if (timeoutSecs == null) {
            return;
        }
        double max = maxTimeout.toMillis() / 1000.0;
        String maxText = BigDecimal.valueOf(max).stripTrailingZeros().toPlainString();
        if (timeoutSecs.isNaN() || timeoutSecs < 0.001) {
            violations.add(Violation.at(
                    "must be greater than 0 (at least 0.001 seconds) and at most " + maxText,
                    list,
                    index,
                    TIMEOUT_SECS));
        } else if (timeoutSecs > max) {
            violations.add(
                    Violation.at("must be at most " + maxText + " seconds, the " + maxName, list, index, TIMEOUT_SECS));
        }
    }
}
