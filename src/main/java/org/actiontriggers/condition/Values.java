package org.actiontriggers.condition;

import jakarta.json.spi.JsonProvider;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How a condition compares and shows values: snapshot values and a condition's literals are brought to one of
 * {@code null}, {@link String}, {@link Boolean} or {@link BigDecimal} (any number, so {@code 3}, {@code 3L} and
 * {@code 3.00} are equal); maps and lists (a referenced entity, a collection) equal no literal.
 */
final class Values {

    /** Resolved once: every {@code Json.create…} call looks the provider up again through the class loader. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private static final int SHOWN = 60;

    private Values() {}

    /** The comparable form of a snapshot value. */
    static Object normal(Object value) {
        if (value instanceof BigDecimal d) {
            return d;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return BigDecimal.valueOf(((Number) value).longValue());
        }
        if (value instanceof BigInteger i) {
            return new BigDecimal(i);
        }
        if ((value instanceof Double || value instanceof Float) && Double.isFinite(((Number) value).doubleValue())) {
            return new BigDecimal(value.toString());
        }
        return value;
    }

    /** Equal after {@link #normal}: numbers by value whatever their scale. */
    static boolean same(Object a, Object b) {
        Object x = normal(a);
        Object y = normal(b);
        if (x instanceof BigDecimal dx && y instanceof BigDecimal dy) {
            return dx.compareTo(dy) == 0;
        }
        return Objects.equals(x, y);
    }

    /** A value as a reason shows it: JSON-like, cut short. */
    static String show(Object value) {
        Object v = normal(value);
        String shown;
        if (v == null) {
            shown = "null";
        } else if (v instanceof String s) {
            shown = JSON.createValue(s.length() > SHOWN ? s.substring(0, SHOWN) + "…" : s)
                    .toString();
        } else if (v instanceof BigDecimal d) {
            shown = d.abs().compareTo(BigDecimal.valueOf(1_000_000_000_000L)) > 0 ? d.toString() : d.toPlainString();
        } else if (v instanceof Map<?, ?>) {
            shown = "an object";
        } else if (v instanceof List<?>) {
            shown = "a list";
        } else {
            shown = String.valueOf(v);
        }
        return shown.length() > SHOWN + 10 ? shown.substring(0, SHOWN) + "…" : shown;
    }

    static String show(List<Object> values) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            if (i == 5) {
                out.append("… ").append(values.size() - 5).append(" more");
                break;
            }
            out.append(show(values.get(i)));
        }
        return out.append(']').toString();
    }
}
