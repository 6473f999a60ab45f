package org.actiontriggers.capture;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A detached, immutable copy of an entity's state taken inside the entity callback.
 *
 * <p>Property values are plain data only: {@code null}, strings, numbers, booleans, ISO-8601 strings for
 * dates and times, lists, maps, and nested {@code EntitySnapshot}s for referenced entities (to a bounded
 * depth). Later stages never see the managed entity.
 *
 * @param entityType the JPA entity name, e.g. {@code Sale}
 * @param id the entity's identifier as plain data, or {@code null} before one is assigned
 * @param properties the persistent properties, in declaration order
 * @param complete whether the properties were read; {@code false} for a reference beyond the depth limit or
 *     not loaded, which then carries its id only
 */
public record EntitySnapshot(String entityType, Object id, Map<String, Object> properties, boolean complete) {

    public EntitySnapshot {
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    /** A reference that was not (or could not be) read: its id only. */
    public static EntitySnapshot reference(String entityType, Object id) {
        return new EntitySnapshot(entityType, id, Map.of(), false);
    }

    /**
     * The snapshot as template data: a map of the properties, with {@code id} added and referenced entities as
     * nested maps, so that {@code customer.name} resolves.
     */
    public Map<String, Object> asTemplateModel() {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("id", id);
        properties.forEach((name, value) -> model.put(name, toTemplateValue(value)));
        return model;
    }

    private static Object toTemplateValue(Object value) {
        if (value instanceof EntitySnapshot nested) {
            return nested.asTemplateModel();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(EntitySnapshot::toTemplateValue).toList();
        }
        return value;
    }
}
