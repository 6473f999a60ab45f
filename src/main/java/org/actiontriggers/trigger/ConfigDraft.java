package org.actiontriggers.trigger;

import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A trigger configuration as someone submitted it, before validation: every value exactly as written
 * (signal and method names as text), so that {@link ConfigValidator} can say what is wrong with each.
 *
 * @param active {@code null} means active
 * @param payload a JSON object of templates, a JSON string (one text template), or {@code null}
 * @param signals signal names, DAT's lowercase form or the enum's
 * @param contentTypes the entity types to watch
 * @param webhooks where to send
 * @param brokerQueues which brokers to publish to
 * @param condition when a change fires the config, in the condition language; {@code null} for every change
 */
public record ConfigDraft(
        Boolean active,
        JsonValue payload,
        List<String> signals,
        List<ContentTypeDraft> contentTypes,
        List<WebhookDraft> webhooks,
        List<BrokerQueueDraft> brokerQueues,
        JsonValue condition) {

    /** A draft without a condition: every change of a watched type fires it. */
    public ConfigDraft(
            Boolean active,
            JsonValue payload,
            List<String> signals,
            List<ContentTypeDraft> contentTypes,
            List<WebhookDraft> webhooks,
            List<BrokerQueueDraft> brokerQueues) {
        this(active, payload, signals, contentTypes, webhooks, brokerQueues, null);
    }

    /** The same draft with another condition. */
    public ConfigDraft withCondition(JsonValue condition) {
        return new ConfigDraft(active, payload, signals, contentTypes, webhooks, brokerQueues, condition);
    }

    public ConfigDraft {
        signals = copy(signals);
        contentTypes = copy(contentTypes);
        webhooks = copy(webhooks);
        brokerQueues = copy(brokerQueues);
    }

    /** A saved config as a draft, to check it again under the settings in force. */
    public static ConfigDraft of(Config config) {
        return new ConfigDraft(
                config.isActive(),
                config.payloadTemplate(),
                config.getConfigSignals().stream()
                        .map(signal -> signal.getSignal().value())
                        .toList(),
                config.getContentTypes().stream().map(ContentTypeDraft::of).toList(),
                config.getWebhooks().stream()
                        .map(w -> new WebhookDraft(
                                w.getUrl(),
                                w.getHttpMethod().name(),
                                w.getHeaders(),
                                w.getTimeoutSecs(),
                                w.getRateLimit(),
                                w.getMaxInFlight()))
                        .toList(),
                config.getBrokerQueues().stream()
                        .map(q -> new BrokerQueueDraft(
                                q.getName(), q.getConnDetails(), q.getParameters(), q.getTimeoutSecs()))
                        .toList(),
                storedCondition(config));
    }

    /** The stored condition as JSON; text that is not JSON at all as a JSON string, for the validator to refuse. */
    private static JsonValue storedCondition(Config config) {
        try {
            return config.conditionJson();
        } catch (jakarta.json.JsonException e) {
            return jakarta.json.Json.createValue(config.getCondition());
        }
    }

    /** An unmodifiable copy that, unlike {@code List.copyOf}, keeps nulls: they are for the validator to name. */
    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(list));
    }

    /**
     * One entity type to watch, as Django Action Triggers names a model.
     *
     * @param appLabel DAT's app label; accepted and ignored, JPA has no such thing
     * @param model the entity name, e.g. {@code Sale} (compared without regard to case)
     * @param field the document field that held the model name: {@code model}, or {@code model_name} as
     *     DAT's documentation writes it; used to point at the right field in a violation
     */
    public record ContentTypeDraft(String appLabel, String model, ConfigField field) {

        public static ContentTypeDraft of(String model) {
            return new ContentTypeDraft(null, model, ConfigField.MODEL);
        }
    }
}
