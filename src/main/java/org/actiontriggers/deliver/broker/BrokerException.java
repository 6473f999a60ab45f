package org.actiontriggers.deliver.broker;

/** A failed publish; retryable unless the broker refused the message itself (e.g. unknown exchange). */
public class BrokerException extends Exception {

    private static final long serialVersionUID = 1L;

    private final boolean retryable;

    public BrokerException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
