package org.actiontriggers.deliver;

import java.time.Duration;

/** An attempt failed in a way a retry may fix; MicroProfile Fault Tolerance retries these in process. */
public class RetryableSendFailure extends Exception {

    private final transient Duration retryAfter;

    public RetryableSendFailure(String reason, Duration retryAfter) {
        super(reason, null, false, false);
        this.retryAfter = retryAfter;
    }

    /** The receiver's {@code Retry-After}, or {@code null}. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
