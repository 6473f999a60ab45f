package org.actiontriggers.deliver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.actiontriggers.settings.QuickRetries;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The quick in-process retries of a send: how many tries, which failures, and an interrupt. */
class QuickRetryTest {

    private static final QuickRetries TWO = new QuickRetries(2, Duration.ofMillis(1));

    private final AtomicInteger tries = new AtomicInteger();

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    @Test
    void aRetryableFailureIsTriedAgainUntilTheRetriesAreSpent() {
        assertThatThrownBy(() -> QuickRetry.run(TWO, RetryableSendFailure.class, f -> true, this::failing))
                .isInstanceOf(RetryableSendFailure.class)
                .hasMessage("try 3");
        assertThat(tries).hasValue(3);
    }

    @Test
    void aSendThatSucceedsOnItsSecondTryAnswersItsResult() throws RetryableSendFailure {
        int status = QuickRetry.run(TWO, RetryableSendFailure.class, f -> true, () -> {
            if (tries.incrementAndGet() == 1) {
                throw new RetryableSendFailure("reset", null);
            }
            return 204;
        });

        assertThat(status).isEqualTo(204);
        assertThat(tries).hasValue(2);
    }

    @Test
    void aFailureTheCallerRulesOutIsNotRetried() {
        assertThatThrownBy(() -> QuickRetry.run(TWO, RetryableSendFailure.class, f -> false, this::failing))
                .hasMessage("try 1");
        assertThat(tries).hasValue(1);
    }

    @Test
    void noRetriesMeansOneTry() {
        QuickRetries none = new QuickRetries(0, Duration.ofMillis(1));

        assertThatThrownBy(() -> QuickRetry.run(none, RetryableSendFailure.class, f -> true, this::failing))
                .hasMessage("try 1");
        assertThat(tries).hasValue(1);
    }

    @Test
    void anUncheckedFailureIsNeitherRetriedNorWrapped() {
        assertThatThrownBy(() -> QuickRetry.run(TWO, RetryableSendFailure.class, f -> true, () -> {
                    tries.incrementAndGet();
                    throw new InvalidRequestException("bad header");
                }))
                .isInstanceOf(InvalidRequestException.class);
        assertThat(tries).hasValue(1);
    }

    @Test
    void anInterruptedPauseEndsTheRetriesAndKeepsTheInterrupt() {
        Thread.currentThread().interrupt();

        assertThatThrownBy(() -> QuickRetry.run(TWO, RetryableSendFailure.class, f -> true, this::failing))
                .hasMessage("try 1");
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
    }

    private Integer failing() throws RetryableSendFailure {
        throw new RetryableSendFailure("try " + tries.incrementAndGet(), null);
    }
}
