package org.actiontriggers.demo;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.List;
import org.actiontriggers.demo.DemoResource.CustomerForm;
import org.actiontriggers.demo.DemoResource.ProductForm;
import org.actiontriggers.demo.DemoResource.SaleForm;

/**
 * Reads the demo endpoints' bodies with JSON-P, field by field, so that a wrong body is refused with the field
 * and the reason: bound by JSON-B, malformed JSON or a string where an id belongs was a 500, and a quantity
 * beyond {@code int} was stored truncated. Absent and {@code null} fields read as {@code null}; which of them
 * are required is the endpoint's to say.
 */
final class DemoForms {

    /** The largest quantity of one sale. */
    static final int MAX_QUANTITY = 1_000_000;

    /** Resolved once: {@code Json.createReader} looks the provider up, scanning the class path, on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    /** A body the demo cannot take; its message names the field and the reason. */
    static final class InvalidFormException extends RuntimeException {
        InvalidFormException(String message) {
            super(message);
        }
    }

    private DemoForms() {}

    static CustomerForm customer(String body) {
        JsonObject o = object(body, List.of("name", "email"));
        return new CustomerForm(text(o, "name"), text(o, "email"));
    }

    static ProductForm product(String body) {
        JsonObject o = object(body, List.of("name", "description"));
        return new ProductForm(text(o, "name"), text(o, "description"));
    }

    static SaleForm sale(String body) {
        JsonObject o = object(body, List.of("customer", "product", "quantity", "status"));
        return new SaleForm(id(o, "customer"), id(o, "product"), quantity(o), text(o, "status"));
    }

    private static JsonObject object(String body, List<String> fields) {
        if (body == null || body.isBlank()) {
            throw new InvalidFormException("body: required, a JSON object with " + String.join(", ", fields));
        }
        JsonValue value;
        boolean more;
        try (JsonParser parser = JSON.createParser(new StringReader(body))) {
            parser.next();
            value = parser.getValue();
            more = parser.hasNext();
        } catch (RuntimeException e) {
            // JsonParsingException mostly; Parsson gives up on very deep nesting with a plain RuntimeException
            throw new InvalidFormException("body: not valid JSON (" + e.getMessage() + ")");
        }
        if (more) {
            throw new InvalidFormException("body: more than one JSON value");
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidFormException(
                    "body: must be a JSON object with " + String.join(", ", fields) + ", not " + kind(value));
        }
        JsonObject o = value.asJsonObject();
        for (String key : o.keySet()) {
            if (!fields.contains(key)) {
                throw new InvalidFormException(
                        key + ": not a known field; expected one of " + String.join(", ", fields));
            }
        }
        return o;
    }

    private static String text(JsonObject o, String field) {
        JsonValue v = o.get(field);
        if (v == null || v == JsonValue.NULL) {
            return null;
        }
        if (v instanceof JsonString s) {
            return s.getString();
        }
        throw new InvalidFormException(field + ": must be a string, not " + kind(v));
    }

    private static Long id(JsonObject o, String field) {
        BigDecimal n = wholeNumber(o, field);
        if (n == null) {
            return null;
        }
        if (n.signum() <= 0 || n.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            throw new InvalidFormException(field + ": no such id");
        }
        return n.longValueExact();
    }

    private static Integer quantity(JsonObject o) {
        BigDecimal n = wholeNumber(o, "quantity");
        if (n == null) {
            return null;
        }
        if (n.signum() <= 0 || n.compareTo(BigDecimal.valueOf(MAX_QUANTITY)) > 0) {
            throw new InvalidFormException("quantity: must be from 1 to " + MAX_QUANTITY + ", not " + n);
        }
        return n.intValueExact();
    }

    private static BigDecimal wholeNumber(JsonObject o, String field) {
        JsonValue v = o.get(field);
        if (v == null || v == JsonValue.NULL) {
            return null;
        }
        if (!(v instanceof JsonNumber number)) {
            throw new InvalidFormException(field + ": must be a whole number, not " + kind(v));
        }
        BigDecimal n = number.bigDecimalValue();
        if (n.stripTrailingZeros().scale() > 0) {
            throw new InvalidFormException(field + ": must be a whole number, not " + n);
        }
        return n;
    }

    private static String kind(JsonValue v) {
        return switch (v.getValueType()) {
            case OBJECT -> "an object";
            case ARRAY -> "an array";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case TRUE, FALSE -> "a boolean";
            case NULL -> "null";
        };
    }
}
