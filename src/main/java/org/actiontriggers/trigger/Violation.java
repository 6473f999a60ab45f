package org.actiontriggers.trigger;

import java.util.Objects;

/**
 * One reason a trigger configuration cannot be saved, located by a JSON pointer (RFC 6901) into the
 * configuration's document shape — Django Action Triggers' shape, e.g. {@code /webhooks/0/url} — so an API
 * client and a form alike can show it next to the field it concerns.
 *
 * @param pointer where the problem is; {@code ""} for the document as a whole
 * @param reason what is wrong, in words an admin can act on; never a secret value
 */
public record Violation(String pointer, String reason) {

    public Violation {
        Objects.requireNonNull(pointer);
        Objects.requireNonNull(reason);
    }

    /** A violation at the pointer made of these steps (names or indexes), escaped as RFC 6901 requires. */
    public static Violation at(String reason, Object... steps) {
        return new Violation(pointerOf(steps), reason);
    }

    /** The JSON pointer of these steps, e.g. {@code ("webhooks", 0, "headers", "X-Api/Key")} → {@code /webhooks/0/headers/X-Api~1Key}. */
    public static String pointerOf(Object... steps) {
        StringBuilder out = new StringBuilder();
        for (Object step : steps) {
            out.append('/').append(String.valueOf(step).replace("~", "~0").replace("/", "~1"));
        }
        return out.toString();
    }
}
