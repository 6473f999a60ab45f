package org.actiontriggers.trigger;

import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Stores a webhook's headers (and a queue's overrides) as one JSON object text, keeping their order: the
 * form of the {@code headers}, {@code conn_details} and {@code parameters} columns.
 */
public final class HeadersConverter {

    /** Resolved once: every {@code Json.create…} call looks the provider up again through the class loader. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private HeadersConverter() {}

    /** The headers as a JSON object text; an empty object for none. */
    public static String toJson(Map<String, String> headers) {
        JsonObjectBuilder builder = JSON.createObjectBuilder();
        if (headers != null) {
            headers.forEach((name, value) -> builder.add(name, value == null ? "" : value));
        }
        return builder.build().toString();
    }

    /** Parses a JSON object of string values, in order. */
    public static Map<String, String> fromJson(String json) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (json == null || json.isBlank()) {
            return headers;
        }
        try (var reader = JSON.createReader(new StringReader(json))) {
            reader.readObject()
                    .forEach((name, value) ->
                            headers.put(name, value instanceof JsonString text ? text.getString() : value.toString()));
        }
        return headers;
    }
}
