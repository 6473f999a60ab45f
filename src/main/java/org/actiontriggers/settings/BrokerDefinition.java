package org.actiontriggers.settings;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One broker defined in MicroProfile Config ({@code action-triggers.brokers.<name>.*}), the counterpart of an
 * entry of Django Action Triggers' {@code ACTION_TRIGGERS["brokers"]}: queues refer to it by name and may
 * override its connection details and parameters.
 *
 * <p>Its {@code toString} leaves the connection details out: they may hold a password.
 *
 * @param type the broker type in lower case ({@code rabbitmq}, {@code kafka}, {@code redis}, {@code nats},
 *     {@code mqtt})
 * @param conn connection details ({@code .conn.<key>})
 * @param params default message parameters ({@code .params.<key>})
 */
public record BrokerDefinition(String name, String type, Map<String, String> conn, Map<String, String> params) {

    public BrokerDefinition {
        conn = Collections.unmodifiableMap(new LinkedHashMap<>(conn));
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** The definition's connection details with a queue's overrides laid over them. */
    public Map<String, String> connWith(Map<String, String> overrides) {
        Map<String, String> merged = new LinkedHashMap<>(conn);
        merged.putAll(overrides);
        return merged;
    }

    /** The definition's parameters with a queue's overrides laid over them. */
    public Map<String, String> paramsWith(Map<String, String> overrides) {
        Map<String, String> merged = new LinkedHashMap<>(params);
        merged.putAll(overrides);
        return merged;
    }

    @Override
    public String toString() {
        return "BrokerDefinition[name=" + name + ", type=" + type + ", conn keys=" + conn.keySet() + ", params="
                + params + "]";
    }
}
