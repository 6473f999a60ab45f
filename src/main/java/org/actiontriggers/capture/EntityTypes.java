package org.actiontriggers.capture;

import jakarta.persistence.Entity;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Names the entity type of an object as JPA does ({@code @Entity(name)} or the simple class name), looking
 * through provider subclasses such as lazy-loading proxies. Cached per class: it runs on every save.
 */
final class EntityTypes {

    private static final Map<Class<?>, Class<?>> ENTITY_CLASSES = new ConcurrentHashMap<>();
    private static final Map<Class<?>, String> NAMES = new ConcurrentHashMap<>();

    private EntityTypes() {}

    static String nameOf(Class<?> type) {
        return NAMES.computeIfAbsent(type, t -> {
            Class<?> entityClass = entityClassOf(t);
            Entity entity = entityClass.getAnnotation(Entity.class);
            return entity != null && !entity.name().isEmpty() ? entity.name() : entityClass.getSimpleName();
        });
    }

    /** The class carrying {@code @Entity}, or the given class when none in its hierarchy does. */
    static Class<?> entityClassOf(Class<?> type) {
        return ENTITY_CLASSES.computeIfAbsent(type, t -> {
            for (Class<?> c = t; c != null && c != Object.class; c = c.getSuperclass()) {
                if (c.isAnnotationPresent(Entity.class)) {
                    return c;
                }
            }
            return t;
        });
    }

    static boolean isEntity(Object value) {
        return value != null && entityClassOf(value.getClass()).isAnnotationPresent(Entity.class);
    }
}
