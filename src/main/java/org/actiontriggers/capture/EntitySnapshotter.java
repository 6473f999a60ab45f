package org.actiontriggers.capture;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OneToOne;
import jakarta.persistence.PersistenceUnitUtil;
import jakarta.persistence.Transient;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Calendar;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.actiontriggers.settings.ApplicationUnit;

/**
 * Copies an entity's persistent state into an {@link EntitySnapshot} of plain values.
 *
 * <p>Reads fields, not getters, so no application code runs and no lazy association is forced: a
 * relationship that is not loaded is left out (a collection) or kept as its id (a reference). Referenced
 * entities are copied to {@value #MAX_DEPTH} levels so templates can say {@code customer.name}; collections
 * are cut at {@value #MAX_COLLECTION_SIZE} elements.
 */
@ApplicationScoped
public class EntitySnapshotter {

    static final int MAX_DEPTH = 2;
    static final int MAX_COLLECTION_SIZE = 100;

    private static final Object SKIP = new Object();
    private static final Map<Class<?>, List<Field>> FIELDS = new ConcurrentHashMap<>();

    /** The fields mapped as relationships by annotation, filled with {@link #FIELDS}. */
    private static final Set<Field> RELATIONSHIPS = ConcurrentHashMap.newKeySet();

    @Inject
    ApplicationUnit applicationUnit;

    /** A snapshot of the entity, its references read to the depth limit. */
    public EntitySnapshot snapshot(Object entity) {
        return read(entity, 0, MAX_DEPTH);
    }

    /**
     * A snapshot of the entity's own state, referenced entities (also in collections) by type and id only: the
     * previous state capture keeps, cheap to take and safe at {@code @PostLoad}, when references may not be
     * wired yet.
     */
    public EntitySnapshot shallowSnapshot(Object entity) {
        return read(entity, 0, 0);
    }

    private EntitySnapshot read(Object entity, int depth, int maxDepth) {
        Class<?> type = EntityTypes.entityClassOf(entity.getClass());
        String name = EntityTypes.nameOf(type);
        if (depth > maxDepth || !util().isLoaded(entity)) {
            return EntitySnapshot.reference(name, idOf(entity));
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        for (Field field : persistentFields(type)) {
            Object value = plain(entity, field, depth, maxDepth);
            if (value != SKIP) {
                properties.put(field.getName(), value);
            }
        }
        return new EntitySnapshot(name, idOf(entity), properties, true);
    }

    /**
     * A field's value; a relationship that is not loaded is absent, or a reference the provider holds without
     * loading it (a proxy) is its id. A relationship is told by its mapping annotation too, because a provider
     * that weaves lazy loading into the class leaves the field {@code null} until it is loaded.
     */
    private Object plain(Object owner, Field field, int depth, int maxDepth) {
        Object value = get(field, owner);
        boolean relationship = RELATIONSHIPS.contains(field)
                || value instanceof Collection<?>
                || value instanceof Map<?, ?>
                || EntityTypes.isEntity(value);
        if (relationship && !util().isLoaded(owner, field.getName())) {
            return EntityTypes.isEntity(value)
                    ? EntitySnapshot.reference(EntityTypes.nameOf(value.getClass()), idOf(value))
                    : SKIP;
        }
        return plain(value, depth, maxDepth);
    }

    private Object plain(Object value, int depth, int maxDepth) {
        if (value == null
                || value instanceof String
                || value instanceof Boolean
                || value instanceof Integer
                || value instanceof Long
                || value instanceof Short
                || value instanceof Byte
                || value instanceof Double
                || value instanceof Float
                || value instanceof BigDecimal
                || value instanceof BigInteger) {
            return value;
        }
        if (value instanceof Character || value instanceof UUID) {
            return value.toString();
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof TemporalAccessor) {
            return value.toString();
        }
        if (value instanceof java.sql.Date || value instanceof java.sql.Time) {
            return value.toString();
        }
        if (value instanceof Date date) {
            return date.toInstant().toString();
        }
        if (value instanceof Calendar calendar) {
            return calendar.toInstant().toString();
        }
        if (value instanceof byte[] bytes) {
            return Base64.getEncoder().encodeToString(bytes);
        }
        if (EntityTypes.isEntity(value)) {
            return read(value, depth + 1, maxDepth);
        }
        if (value instanceof Collection<?> collection) {
            List<Object> list = new ArrayList<>();
            for (Object element : collection) {
                if (list.size() == MAX_COLLECTION_SIZE) {
                    break;
                }
                list.add(plain(element, depth, maxDepth));
            }
            return list;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> {
                if (copy.size() < MAX_COLLECTION_SIZE) {
                    copy.put(String.valueOf(k), plain(v, depth, maxDepth));
                }
            });
            return copy;
        }
        if (value.getClass().isAnnotationPresent(Embeddable.class)) {
            Map<String, Object> copy = new LinkedHashMap<>();
            for (Field field : persistentFields(value.getClass())) {
                copy.put(field.getName(), plain(get(field, value), depth, maxDepth));
            }
            return copy;
        }
        return value.toString();
    }

    private Object idOf(Object entity) {
        Object id;
        try {
            id = util().getIdentifier(entity);
        } catch (RuntimeException notManagedByThisUnit) {
            id = null;
            for (Field field : persistentFields(EntityTypes.entityClassOf(entity.getClass()))) {
                if (field.isAnnotationPresent(Id.class) || field.isAnnotationPresent(EmbeddedId.class)) {
                    id = get(field, entity);
                    break;
                }
            }
        }
        return id == null ? null : plain(id, MAX_DEPTH + 1, MAX_DEPTH);
    }

    private PersistenceUnitUtil util() {
        return applicationUnit.util();
    }

    private static Object get(Field field, Object owner) {
        try {
            return field.get(owner);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Cannot read " + field, e);
        }
    }

    /** Declared instance fields, superclass first, without transient ones and those a JPA provider weaves in. */
    private static List<Field> persistentFields(Class<?> type) {
        return FIELDS.computeIfAbsent(type, t -> {
            List<Class<?>> hierarchy = new ArrayList<>();
            for (Class<?> c = t; c != null && c != Object.class; c = c.getSuperclass()) {
                hierarchy.add(0, c);
            }
            List<Field> fields = new ArrayList<>();
            for (Class<?> c : hierarchy) {
                for (Field field : c.getDeclaredFields()) {
                    int mod = field.getModifiers();
                    if (Modifier.isStatic(mod)
                            || Modifier.isTransient(mod)
                            || field.isSynthetic()
                            || field.isAnnotationPresent(Transient.class)
                            || field.getName().startsWith("_persistence")
                            || field.getName().startsWith("$$_hibernate")) {
                        continue;
                    }
                    field.setAccessible(true);
                    fields.add(field);
                    if (field.isAnnotationPresent(ManyToOne.class)
                            || field.isAnnotationPresent(OneToOne.class)
                            || field.isAnnotationPresent(OneToMany.class)
                            || field.isAnnotationPresent(ManyToMany.class)
                            || field.isAnnotationPresent(ElementCollection.class)) {
                        RELATIONSHIPS.add(field);
                    }
                }
            }
            return List.copyOf(fields);
        });
    }
}
