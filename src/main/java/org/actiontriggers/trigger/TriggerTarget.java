package org.actiontriggers.trigger;

import jakarta.json.JsonValue;
import org.actiontriggers.condition.Condition;

/**
 * One destination of one active config, as the saving transaction needs it: an immutable copy, so the hot
 * path reads no entity and runs no query.
 *
 * @param payloadTemplate the config's payload template (object, string, or {@code null} for the fields)
 * @param ordered whether the config asks for the events of one entity in recording order
 * @param destination the webhook or broker queue, with everything needed to send to it later
 * @param condition the config's condition, parsed once when the configs were loaded; {@code null} when every
 *     change fires it
 */
public record TriggerTarget(
        long configId, JsonValue payloadTemplate, boolean ordered, Destination destination, Condition condition) {

    /** A target without a condition. */
    public TriggerTarget(long configId, JsonValue payloadTemplate, boolean ordered, Destination destination) {
        this(configId, payloadTemplate, ordered, destination, null);
    }

    static TriggerTarget of(Config config, JsonValue payloadTemplate, Webhook webhook) {
        return of(config, payloadTemplate, null, webhook);
    }

    static TriggerTarget of(Config config, JsonValue payloadTemplate, MessageBrokerQueue queue) {
        return of(config, payloadTemplate, null, queue);
    }

    static TriggerTarget of(Config config, JsonValue payloadTemplate, Condition condition, Webhook webhook) {
        return new TriggerTarget(
                config.getId(), payloadTemplate, config.isOrdered(), WebhookDestination.of(webhook), condition);
    }

    static TriggerTarget of(Config config, JsonValue payloadTemplate, Condition condition, MessageBrokerQueue queue) {
        return new TriggerTarget(
                config.getId(), payloadTemplate, config.isOrdered(), BrokerQueueDestination.of(queue), condition);
    }
}
