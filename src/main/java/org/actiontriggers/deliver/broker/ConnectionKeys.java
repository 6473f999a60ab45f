package org.actiontriggers.deliver.broker;

import java.util.Map;
import java.util.Set;

/** Checks a client constructor's connection details, naming the wrong key; shared by the broker clients. */
final class ConnectionKeys {

    private ConnectionKeys() {}

    /** Refuses a key the client does not know; none of the messages repeats a value (it may be a password). */
    static void requireKnown(Map<String, String> conn, Set<String> known, String type) {
        for (String key : conn.keySet()) {
            if (!known.contains(key)) {
                throw new IllegalArgumentException(
                        "conn." + key + " is not a connection key of " + type + "; expected one of " + known);
            }
        }
    }

    /** The value, or {@code null} when absent or blank. */
    static String optional(Map<String, String> conn, String key) {
        String value = conn.get(key);
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** A port number, or the default when absent. */
    static int port(Map<String, String> conn, String key, int fallback) {
        String value = optional(conn, key);
        if (value == null) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(value);
            if (port > 0 && port < 65536) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("conn." + key + " must be a port number (1-65535), is '" + value + "'");
    }
}
