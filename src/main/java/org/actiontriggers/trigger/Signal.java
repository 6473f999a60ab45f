package org.actiontriggers.trigger;

import java.util.Locale;

/**
 * The moments of an entity's life a {@link Config} can react to, named as in Django Action Triggers.
 *
 * <p>The {@code PRE_*} signals snapshot the state before the write, the {@code POST_*} ones after it.
 * Whatever the signal, nothing leaves the application before the transaction commits.
 */
public enum Signal {
    PRE_SAVE,
    POST_SAVE,
    PRE_DELETE,
    POST_DELETE;

    /** The lowercase form Django Action Triggers uses, e.g. {@code post_save}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses DAT's lowercase form ({@code post_save}) or this enum's name ({@code POST_SAVE}).
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    public static Signal parse(String text) {
        if (text != null) {
            for (Signal signal : values()) {
                if (signal.name().equalsIgnoreCase(text.trim())) {
                    return signal;
                }
            }
        }
        throw new IllegalArgumentException(
                "unknown signal '" + text + "'; expected one of pre_save, post_save, pre_delete, post_delete");
    }
}
