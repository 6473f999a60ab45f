package org.actiontriggers.deliver.broker;

import java.time.Duration;
import java.util.Map;

/** What one delivery sends: the rendered body plus the metadata consumers need to deduplicate and route. */
public record BrokerMessage(
        String deliveryId,
        String signal,
        String entityType,
        String entityId,
        String contentType,
        byte[] body,
        Map<String, String> parameters,
        Duration timeout) {

    /** Header carrying the stable delivery id, the same on every attempt: consumers deduplicate on it. */
    public static final String DELIVERY_ID_HEADER = "action-triggers-delivery-id";

    public static final String SIGNAL_HEADER = "action-triggers-signal";
    public static final String ENTITY_TYPE_HEADER = "action-triggers-entity-type";
    public static final String ENTITY_ID_HEADER = "action-triggers-entity-id";

    /** The four metadata headers, in a fixed order; the entity id is left out when the entity has none. */
    public Map<String, String> headers() {
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        headers.put(DELIVERY_ID_HEADER, deliveryId);
        headers.put(SIGNAL_HEADER, signal);
        headers.put(ENTITY_TYPE_HEADER, entityType);
        if (entityId != null) {
            headers.put(ENTITY_ID_HEADER, entityId);
        }
        return headers;
    }
}
