package org.actiontriggers.deliver.broker;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks of {@code conn} and {@code params} maps shared by the broker clients, so every client refuses a
 * missing, unknown or malformed key the same way: an {@link IllegalArgumentException} naming the key and the
 * reason, never its value (a value may be a password).
 */
final class ConnKeys {

    private ConnKeys() {}

    /** Refuses keys outside {@code allowed} (a typo would otherwise be silently ignored). */
    static void requireKnown(String what, Map<String, String> values, Set<String> allowed) {
        Set<String> unknown = new TreeSet<>(values.keySet());
        unknown.removeAll(allowed);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(
                    what + ": unknown key(s) " + unknown + "; allowed are " + new TreeSet<>(allowed));
        }
    }

    /** The non-blank value of a required key. */
    static String required(String what, Map<String, String> values, String key) {
        String value = values.get(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + ": '" + key + "' is required");
        }
        return value.strip();
    }

    /** The non-blank value of an optional key, or null. */
    static String optional(Map<String, String> values, String key) {
        String value = values.get(key);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** An optional integer within bounds. */
    static int integer(String what, Map<String, String> values, String key, int defaultValue, int min, int max) {
        String value = optional(values, key);
        if (value == null) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed < min || parsed > max) {
                throw new IllegalArgumentException(
                        what + ": '" + key + "' must be between " + min + " and " + max + ", got " + parsed);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + ": '" + key + "' must be a whole number", e);
        }
    }

    /** An optional boolean written as true or false. */
    static boolean bool(String what, Map<String, String> values, String key, boolean defaultValue) {
        String value = optional(values, key);
        if (value == null) {
            return defaultValue;
        }
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        if (value.equalsIgnoreCase("false")) {
            return false;
        }
        throw new IllegalArgumentException(what + ": '" + key + "' must be true or false");
    }
}
