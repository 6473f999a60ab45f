package org.actiontriggers.capture;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A detached, immutable copy of an entity's state taken inside the entity callback.
 *
 * <p>Property values are plain data only: {@code null}, strings, numbers, booleans, ISO-8601 strings for
 * dates and times, lists, maps, and nested {@code EntitySnapshot}s for referenced entities (to a bounded
 * depth). Later stages never see the managed entity.
 *
 * <p>A class rather than a record so that its template model is built once: a change's condition, its
 * payloads and its default payload all read the same model.
 */
public final class EntitySnapshot {

    private final String entityType;
    private final Object id;
    private final Map<String, Object> properties;
    private final boolean complete;
    private volatile Map<String, Object> model;

    /**
     * @param entityType the JPA entity name, e.g. {@code Sale}
     * @param id the entity's identifier as plain data, or {@code null} before one is assigned
     * @param properties the persistent properties, in declaration order
     * @param complete whether the properties were read; {@code false} for a reference beyond the depth limit
     *     or not loaded, which then carries its id only
     */
    public EntitySnapshot(String entityType, Object id, Map<String, Object> properties, boolean complete) {
        this.entityType = entityType;
        this.id = id;
        this.properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
        this.complete = complete;
    }

    /** A reference that was not (or could not be) read: its id only. */
    public static EntitySnapshot reference(String entityType, Object id) {
        return new EntitySnapshot(entityType, id, Map.of(), false);
    }

    public String entityType() {
        return entityType;
    }

    public Object id() {
        return id;
    }

    public Map<String, Object> properties() {
        return properties;
    }

    public boolean complete() {
        return complete;
    }

    /**
     * The snapshot as template data: an unmodifiable map of the properties, with {@code id} added and
     * referenced entities as nested maps, so that {@code customer.name} resolves.
     */
    public Map<String, Object> asTemplateModel() {
        Map<String, Object> built = model;
        if (built == null) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("id", id);
            properties.forEach((name, value) -> map.put(name, toTemplateValue(value)));
            built = Collections.unmodifiableMap(map);
            model = built;
        }
        return built;
    }

    /**
     * This state with referenced entities (also in lists) by type and id only: the form a previous state has,
     * whether it was read shallow at load or is the full state of the last flush. Itself when it holds no
     * read reference.
     */
    public EntitySnapshot shallow() {
        if (properties.values().stream().noneMatch(EntitySnapshot::holdsReadReference)) {
            return this;
        }
        Map<String, Object> shallow = new LinkedHashMap<>();
        properties.forEach((name, value) -> shallow.put(name, shallowValue(value)));
        return new EntitySnapshot(entityType, id, shallow, complete);
    }

    private static boolean holdsReadReference(Object value) {
        if (value instanceof EntitySnapshot nested) {
            return nested.complete;
        }
        if (value instanceof Map<?, ?> map) {
            return map.values().stream().anyMatch(EntitySnapshot::holdsReadReference);
        }
        return value instanceof List<?> list && list.stream().anyMatch(EntitySnapshot::holdsReadReference);
    }

    private static Object shallowValue(Object value) {
        if (value instanceof EntitySnapshot nested) {
            return reference(nested.entityType, nested.id);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(EntitySnapshot::shallowValue).toList();
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((key, element) -> copy.put(key, shallowValue(element)));
            return copy;
        }
        return value;
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

    @Override
    public boolean equals(Object other) {
        return other instanceof EntitySnapshot that
                && complete == that.complete
                && entityType.equals(that.entityType)
                && Objects.equals(id, that.id)
                && properties.equals(that.properties);
    }

    @Override
    public int hashCode() {
        return Objects.hash(entityType, id, properties, complete);
    }

    @Override
    public String toString() {
        return "EntitySnapshot[entityType=" + entityType + ", id=" + id + ", properties=" + properties + ", complete="
                + complete + "]";
    }
}
