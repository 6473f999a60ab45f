package org.actiontriggers.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Map;
import org.actiontriggers.trigger.Config;
import org.actiontriggers.trigger.HttpMethod;
import org.actiontriggers.trigger.MessageBrokerQueue;
import org.actiontriggers.trigger.Signal;
import org.actiontriggers.trigger.Webhook;

/**
 * The triggers the in-server tests save, built the way the seed page's steps build them: a {@link Config} on
 * one content type and one signal, then its payload, webhooks and queues. Without a payload the entity's own
 * fields are sent.
 */
public final class TriggerBuilder {

    private final Config config;

    private TriggerBuilder(String entity, Signal signal) {
        config = new Config(null, true, List.of(entity));
        config.addSignal(signal);
    }

    /** A trigger firing for this entity type on this signal. */
    public static TriggerBuilder trigger(String entity, Signal signal) {
        return new TriggerBuilder(entity, signal);
    }

    /** The seed page's payload: the customer's and the product's name, and the quantity. */
    public static JsonObject seedPayload() {
        return Json.createObjectBuilder()
                .add("customer_name", "{{ customer.name }}")
                .add("product_name", "{{ product.name }}")
                .add("quantity", "{{ quantity }}")
                .build();
    }

    public TriggerBuilder payload(JsonValue template) {
        config.setPayload(template);
        return this;
    }

    public TriggerBuilder textPayload(String template) {
        config.setTextPayload(template);
        return this;
    }

    /** Deliveries of one entity go one after another, in commit order. */
    /** The config's condition, a JSON document of the condition language. */
    public TriggerBuilder condition(JsonValue condition) {
        config.setCondition(condition);
        return this;
    }

    public TriggerBuilder ordered() {
        config.setOrdered(true);
        return this;
    }

    public TriggerBuilder inactive() {
        config.setActive(false);
        return this;
    }

    /** A POST webhook without headers and with the default timeout. */
    public TriggerBuilder webhook(String url) {
        return webhook(url, HttpMethod.POST, Map.of(), null);
    }

    public TriggerBuilder webhook(String url, HttpMethod method, Map<String, String> headers, Double timeoutSecs) {
        new Webhook(config, url, method, headers, timeoutSecs);
        return this;
    }

    public TriggerBuilder queue(MessageBrokerQueue queue) {
        config.addBrokerQueue(queue);
        return this;
    }

    public Config build() {
        return config;
    }
}
