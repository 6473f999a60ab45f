package org.actiontriggers.trigger;

import java.util.Locale;

/** The HTTP methods a {@link Webhook} may use; POST is the default, as in Django Action Triggers. */
public enum HttpMethod {
    GET,
    POST,
    PUT,
    PATCH,
    DELETE;

    /**
     * Parses a method name in any case.
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    public static HttpMethod parse(String text) {
        if (text != null) {
            try {
                return valueOf(text.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException ignored) {
                // fall through to the message that lists the accepted values
            }
        }
        throw new IllegalArgumentException(
                "unknown HTTP method '" + text + "'; expected one of GET, POST, PUT, PATCH, DELETE");
    }
}
