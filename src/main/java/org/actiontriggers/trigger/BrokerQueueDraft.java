package org.actiontriggers.trigger;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One message broker queue of a {@link ConfigDraft}, as submitted.
 *
 * @param name the broker's name in {@code action-triggers.brokers.<name>}
 * @param connDetails overrides of the broker's connection details, in the order given
 * @param parameters overrides of the broker's parameters, in the order given
 * @param timeoutSecs {@code null} means the max broker timeout
 */
public record BrokerQueueDraft(
        String name, Map<String, String> connDetails, Map<String, String> parameters, Double timeoutSecs) {

    public BrokerQueueDraft {
        connDetails = connDetails == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(connDetails));
        parameters = parameters == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }
}
