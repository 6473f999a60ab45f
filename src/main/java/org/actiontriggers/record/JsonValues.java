package org.actiontriggers.record;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;
import org.actiontriggers.capture.EntityChange;
import org.actiontriggers.capture.EntitySnapshot;

/** Plain snapshot values to JSON-P values: the one way this application produces JSON from data. */
final class JsonValues {

    /** Resolved once: every {@code Json.create…} call looks the provider up again through the class loader. */
    static final JsonProvider JSON = JsonProvider.provider();

    private JsonValues() {}

    /** Converts a value; referenced entities become nested objects. */
    static JsonValue of(Object value) {
        return of(value, false);
    }

    /**
     * Converts a value.
     *
     * @param referencesAsIds whether a referenced entity becomes its id (the default payload) rather than an
     *     object of its properties
     */
    static JsonValue of(Object value, boolean referencesAsIds) {
        if (value == null) {
            return JsonValue.NULL;
        }
        if (value instanceof String s) {
            return JSON.createValue(s);
        }
        if (value instanceof Boolean b) {
            return b ? JsonValue.TRUE : JsonValue.FALSE;
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return JSON.createValue(((Number) value).intValue());
        }
        if (value instanceof Long l) {
            return JSON.createValue(l);
        }
        if (value instanceof BigDecimal d) {
            return JSON.createValue(d);
        }
        if (value instanceof BigInteger i) {
            return JSON.createValue(i);
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            return Double.isFinite(d) ? JSON.createValue(d) : JSON.createValue(Double.toString(d));
        }
        if (value instanceof EntitySnapshot snapshot) {
            return referencesAsIds ? of(snapshot.id(), true) : of(snapshot.asTemplateModel(), false);
        }
        if (value instanceof Map<?, ?> map) {
            JsonObjectBuilder object = JSON.createObjectBuilder();
            map.forEach((k, v) -> object.add(String.valueOf(k), of(v, referencesAsIds)));
            return object.build();
        }
        if (value instanceof Collection<?> collection) {
            JsonArrayBuilder array = JSON.createArrayBuilder();
            collection.forEach(v -> array.add(of(v, referencesAsIds)));
            return array.build();
        }
        return JSON.createValue(value.toString());
    }

    /**
     * The default payload: the entity's own fields, referenced entities as their ids, and {@code changed_fields}
     * (the names of the properties the change altered; empty for a create) unless the entity has a field of
     * that name.
     */
    static JsonValue fieldsOf(EntityChange change) {
        JsonObject fields = fieldsOf(change.snapshot()).asJsonObject();
        if (fields.containsKey(CHANGED_FIELDS)) {
            return fields;
        }
        return JSON.createObjectBuilder(fields)
                .add(CHANGED_FIELDS, of(change.changedFields()))
                .build();
    }

    static final String CHANGED_FIELDS = "changed_fields";

    /** The entity's own fields, referenced entities as their ids. */
    static JsonValue fieldsOf(EntitySnapshot snapshot) {
        JsonObjectBuilder object = JSON.createObjectBuilder().add("id", of(snapshot.id(), true));
        snapshot.properties().forEach((name, value) -> object.add(name, of(value, true)));
        return object.build();
    }
}
