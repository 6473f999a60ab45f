package org.actiontriggers.condition;

import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * What is known of the entity types' persistent properties, to refuse a condition's field that no watched
 * type has when the config is saved rather than let it never match. Plain data, filled from the persistence
 * unit's metamodel by whoever knows it.
 *
 * <p>Per entity name, each property's kind: {@link #BASIC} (a value: no step may follow), {@link #EMBEDDED}
 * (an embeddable: any step may follow, not checked), {@link #COLLECTION} (a collection: a condition cannot
 * look inside), or the name of the entity a reference points to (its properties are checked in turn).
 * {@code id} is always known, as the snapshot always holds it.
 *
 * @param byEntity property kinds by property name, by entity name
 */
public record EntityFields(Map<String, Map<String, String>> byEntity) {

    public static final String BASIC = "";
    public static final String EMBEDDED = "*";
    public static final String COLLECTION = "[]";

    /** Nothing known: every path is accepted. */
    public static final EntityFields UNKNOWN = new EntityFields(Map.of());

    public EntityFields {
        byEntity = Map.copyOf(byEntity);
    }

    /** Whether the entity type's properties are known. */
    public boolean knows(String entity) {
        return byEntity.containsKey(entity);
    }

    /**
     * Why the path names nothing on that entity type, or empty when it does (or the type is not known).
     *
     * @param path a dotted path, e.g. {@code customer.name}
     */
    public Optional<String> problem(String entity, String path) {
        String type = entity;
        String[] steps = path.split("\\.");
        for (int i = 0; i < steps.length; i++) {
            String step = steps[i];
            Map<String, String> properties = byEntity.get(type);
            if (properties == null) {
                return Optional.empty();
            }
            if (step.equals("id") && !properties.containsKey(step)) {
                return i == steps.length - 1
                        ? Optional.empty()
                        : Optional.of("'id' of " + type + " has no property '" + steps[i + 1] + "'");
            }
            String kind = properties.get(step);
            if (kind == null) {
                return Optional.of("'" + step + "' is not a property of " + type + "; it has "
                        + String.join(", ", new TreeSet<>(properties.keySet())));
            }
            if (i == steps.length - 1 || kind.equals(EMBEDDED)) {
                return Optional.empty();
            }
            if (kind.equals(BASIC)) {
                return Optional.of(
                        "'" + step + "' of " + type + " is a value, it has no property '" + steps[i + 1] + "'");
            }
            if (kind.equals(COLLECTION)) {
                return Optional.of(
                        "'" + step + "' of " + type + " is a collection; a condition cannot look inside" + " one");
            }
            type = kind;
        }
        return Optional.empty();
    }
}
