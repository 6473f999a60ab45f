package org.actiontriggers.template;

/** A payload template uses something other than plain value references; the message says what and where. */
public class InvalidTemplateException extends IllegalArgumentException {

    public InvalidTemplateException(String message) {
        super(message);
    }
}
