package org.actiontriggers.trigger;

/** A config or webhook exceeds a configured limit; the message names the setting, never a header value. */
public class LimitExceededException extends IllegalArgumentException {

    public LimitExceededException(String message) {
        super(message);
    }
}
