package org.actiontriggers.admin;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.actiontriggers.trigger.ConfigField;

/**
 * Request bodies for the admin API made from one seed: DAT's webhook document with a condition, changed in one to four random
 * places, cut or garbled as text, or nested absurdly deep. The same seed gives the same bodies, so a failing
 * body can be made again; the property test and the integration test share it.
 */
public final class DocumentFuzzer {

    private static final JsonProvider JSON = JsonProvider.provider();

    /**
     * A config the validators of the tests accept, with a condition, its webhook on loopback with nothing
     * listening on port 9.
     */
    public static final String VALID = """
            {
              "active": true,
              "payload": {"customer_name": "{{ customer.name }}", "quantity": "{{ quantity }}"},
              "config_signals": [{"signal": "post_save"}],
              "content_types": [{"app_label": "shop", "model": "Sale"}],
              "webhooks": [{"url": "http://127.0.0.1:9/hooks/fuzz", "http_method": "POST",
                            "headers": {"X-Fuzz": "1"}, "timeout_secs": 2}],
              "message_broker_queues": [],
              "actions": [],
              "condition": {"all": [{"field": "status", "changed_from": "new"}, {"field": "quantity", "gt": 0}]}
            }
            """;

    private static final List<String> STRINGS = List.of(
            "",
            " ",
            "post_save",
            "pre_delete",
            "POST_SAVE",
            "Sale",
            "Customer",
            "shop",
            "POST",
            "GET",
            "PATCH",
            "http://127.0.0.1:9/hooks/fuzz",
            "http://127.0.0.1:9/elsewhere",
            "ftp://127.0.0.1/x",
            "not a url",
            "{{ customer.name }}",
            "{{ previous.status }}",
            "{{ instance.customer.name }}",
            "{{ unknown.path }}",
            "{{",
            "}}",
            "{{ }}",
            "[[${quantity}]]",
            "[[${T(java.lang.Runtime).getRuntime().exec('id')}]]",
            "[(${#ctx})]",
            "${jndi:ldap://127.0.0.1/x}",
            "#{7*7}",
            "%{7*7}",
            "{{ org.actiontriggers.demo.DemoSecrets.fetchApiKey }}",
            "{{ java.lang.System.exit }}",
            "T(java.lang.Runtime)",
            "Bearer {{ org.example.Secrets.token }}",
            "\u0000",
            "\uD83D\uDE00",
            "<script>alert(1)</script>",
            "'; DROP TABLE config; --",
            "../../etc/passwd",
            "status",
            "quantity",
            "customer.name",
            "previous",
            "previous.status",
            "in_progress",
            "x".repeat(300),
            "y".repeat(70_000));

    private static final List<String> KEYS;

    static {
        List<String> keys = new ArrayList<>();
        for (ConfigField field : ConfigField.values()) {
            keys.add(field.toString());
        }
        keys.addAll(List.of("condition", "", "__proto__", "constructor", "$type", "@class", "id\u0000"));
        // the condition language's words, so that generated objects look like conditions now and then
        keys.addAll(List.of(
                "field",
                "equals",
                "not_equals",
                "in",
                "not_in",
                "lt",
                "lte",
                "gt",
                "gte",
                "changed",
                "changed_from",
                "changed_to",
                "to",
                "of",
                "all",
                "any",
                "not"));
        KEYS = List.copyOf(keys);
    }

    private final Random random;

    public DocumentFuzzer(long seed) {
        this.random = new Random(seed);
    }

    /** The next body: mostly a changed valid document, sometimes broken text or deep nesting. */
    public String next() {
        int kind = random.nextInt(20);
        if (kind == 0) {
            return deep(1 + random.nextInt(3_000));
        }
        String document = mutated().toString();
        if (kind <= 2) {
            return garbled(document);
        }
        return document;
    }

    private JsonValue mutated() {
        JsonValue document = JSON.createReader(new StringReader(VALID)).readValue();
        int changes = 1 + random.nextInt(4);
        for (int i = 0; i < changes; i++) {
            document = mutate(document, 0);
        }
        return document;
    }

    /** Changes one place: somewhere along a random path, a value is replaced, removed or added. */
    private JsonValue mutate(JsonValue value, int depth) {
        boolean here = depth > 4 || random.nextInt(3) == 0;
        if (value instanceof JsonObject object && !object.isEmpty() && !here) {
            List<String> names = new ArrayList<>(object.keySet());
            String name = names.get(random.nextInt(names.size()));
            JsonObjectBuilder copy = JSON.createObjectBuilder(object);
            return copy.add(name, mutate(object.get(name), depth + 1)).build();
        }
        if (value instanceof JsonArray array && !array.isEmpty() && !here) {
            int index = random.nextInt(array.size());
            JsonArrayBuilder copy = JSON.createArrayBuilder();
            for (int i = 0; i < array.size(); i++) {
                copy.add(i == index ? mutate(array.get(i), depth + 1) : array.get(i));
            }
            return copy.build();
        }
        if (value instanceof JsonObject object && random.nextBoolean()) {
            JsonObjectBuilder copy = JSON.createObjectBuilder(object);
            if (!object.isEmpty() && random.nextBoolean()) {
                List<String> names = new ArrayList<>(object.keySet());
                copy.remove(names.get(random.nextInt(names.size())));
            } else {
                copy.add(pick(KEYS), any(0));
            }
            return copy.build();
        }
        return any(0);
    }

    /** Any JSON value, its containers at most a few levels deep. */
    private JsonValue any(int depth) {
        switch (random.nextInt(depth > 3 ? 4 : 7)) {
            case 0:
                return JSON.createValue(pick(STRINGS));
            case 1:
                return number();
            case 2:
                return random.nextBoolean() ? JsonValue.TRUE : JsonValue.FALSE;
            case 3:
                return random.nextInt(4) == 0 ? JsonValue.NULL : JSON.createValue(pick(STRINGS));
            case 4: {
                JsonArrayBuilder array = JSON.createArrayBuilder();
                int size = random.nextInt(4);
                for (int i = 0; i < size; i++) {
                    array.add(any(depth + 1));
                }
                return array.build();
            }
            default: {
                JsonObjectBuilder object = JSON.createObjectBuilder();
                int size = random.nextInt(4);
                for (int i = 0; i < size; i++) {
                    object.add(pick(KEYS), any(depth + 1));
                }
                return object.build();
            }
        }
    }

    private JsonValue number() {
        return switch (random.nextInt(8)) {
            case 0 -> JSON.createValue(0);
            case 1 -> JSON.createValue(-1);
            case 2 -> JSON.createValue(random.nextInt());
            case 3 -> JSON.createValue(2.5);
            case 4 -> JSON.createValue(new java.math.BigDecimal("1e308"));
            case 5 -> JSON.createValue(new java.math.BigDecimal("-1e-308"));
            case 6 -> JSON.createValue(new java.math.BigInteger("123456789012345678901234567890"));
            default -> JSON.createValue(random.nextLong());
        };
    }

    /** The document cut short, or with one character replaced, inserted or doubled. */
    private String garbled(String document) {
        int at = random.nextInt(document.length());
        return switch (random.nextInt(4)) {
            case 0 -> document.substring(0, at);
            case 1 ->
                document.substring(0, at)
                        + pick(List.of("{", "}", "[", "]", ",", ":", "\"", "\\", "\u0000"))
                        + document.substring(at);
            case 2 -> document.substring(0, at) + "x" + document.substring(Math.min(document.length(), at + 1));
            default -> document + document;
        };
    }

    /** Arrays or objects nested {@code levels} deep. */
    private String deep(int levels) {
        boolean arrays = random.nextBoolean();
        String open = arrays ? "[" : "{\"payload\":";
        String close = arrays ? "]" : "}";
        return open.repeat(levels) + (arrays ? "" : "1") + close.repeat(levels);
    }

    private <T> T pick(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }
}
