package org.actiontriggers.deliver;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import org.actiontriggers.settings.QuickRetries;

/**
 * Runs one delivery round's send with its quick in-process retries ({@link QuickRetries}).
 *
 * <p>This replaced MicroProfile Fault Tolerance's {@code @Retry}: Payara's interceptor keeps each method's
 * policy for 60 s and rebuilds it inside {@code ConcurrentHashMap.compute}, so once a minute every sender
 * thread waited on the one rebuilding it — up to half a second each under load (a flight recording of
 * benchmark case 12), which alone put the commit → arrival p99 far above 50 ms. A loop and a pause cost
 * nothing of the kind.
 */
public final class QuickRetry {

    /** One try of the send. */
    @FunctionalInterface
    public interface Send<T, E extends Exception> {
        T attempt() throws E;
    }

    private QuickRetry() {}

    /**
     * The send's result, trying again while it throws a failure {@code retryable} accepts and retries are
     * left; otherwise its last failure.
     *
     * @param failure the checked failure the send declares
     */
    public static <T, E extends Exception> T run(
            QuickRetries retries, Class<E> failure, Predicate<E> retryable, Send<T, E> send) throws E {
        for (int tried = 0; ; tried++) {
            try {
                return send.attempt();
            } catch (Exception e) {
                if (!failure.isInstance(e)) {
                    throw (RuntimeException) e;
                }
                E failed = failure.cast(e);
                if (tried >= retries.retries() || !retryable.test(failed) || !pause(retries)) {
                    throw failed;
                }
            }
        }
    }

    /** Waits the delay ± half of it; {@code false} when interrupted (the interrupt is kept for the caller). */
    private static boolean pause(QuickRetries retries) {
        long delay = retries.delay().toMillis();
        long jitter = delay / 2;
        long millis = delay + (jitter == 0 ? 0 : ThreadLocalRandom.current().nextLong(-jitter, jitter + 1));
        try {
            Thread.sleep(Math.max(0, millis));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
