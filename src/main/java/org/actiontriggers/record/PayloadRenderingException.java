package org.actiontriggers.record;

/** A payload template could not be rendered for a change; the message says why, without data values. */
public class PayloadRenderingException extends RuntimeException {

    public PayloadRenderingException(String message, Throwable cause) {
        super(message, cause);
    }
}
