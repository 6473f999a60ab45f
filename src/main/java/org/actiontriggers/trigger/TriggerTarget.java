package org.actiontriggers.trigger;

import jakarta.json.JsonValue;

/**
 * One destination of one active config, as the saving transaction needs it: an immutable copy, so the hot
 * path reads no entity and runs no query.
 *
 * @param payloadTemplate the config's payload template (object, string, or {@code null} for the fields)
 * @param ordered whether the config asks for the events of one entity in recording order
 * @param destination the webhook or broker queue, with everything needed to send to it later
 */
public record TriggerTarget(long configId, JsonValue payloadTemplate, boolean ordered, Destination destination) {

    static TriggerTarget of(Config config, JsonValue payloadTemplate, Webhook webhook) {
        return new TriggerTarget(config.getId(), payloadTemplate, config.isOrdered(), WebhookDestination.of(webhook));
    }

    static TriggerTarget of(Config config, JsonValue payloadTemplate, MessageBrokerQueue queue) {
        return new TriggerTarget(config.getId(), payloadTemplate, config.isOrdered(), BrokerQueueDestination.of(queue));
    }
}
