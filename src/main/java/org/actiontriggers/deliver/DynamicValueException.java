package org.actiontriggers.deliver;

/**
 * A {@code {{ path }}} in a header could not be resolved. The message names the path and the reason, never a
 * value.
 */
public class DynamicValueException extends Exception {

    private final boolean permanent;

    DynamicValueException(String message, boolean permanent) {
        super(message, null, false, false);
        this.permanent = permanent;
    }

    /** Whether retrying cannot help (the path is not allowed or names nothing usable). */
    public boolean isPermanent() {
        return permanent;
    }
}
