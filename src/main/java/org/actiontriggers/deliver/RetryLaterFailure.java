package org.actiontriggers.deliver;

import java.time.Duration;

/**
 * The receiver asked to be left alone for a while ({@code Retry-After}): no quick in-process retry, the
 * durable schedule takes over at the time asked.
 */
public class RetryLaterFailure extends RetryableSendFailure {

    public RetryLaterFailure(String reason, Duration retryAfter) {
        super(reason, retryAfter);
    }
}
