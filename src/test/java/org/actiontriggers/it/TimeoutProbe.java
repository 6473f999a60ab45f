package org.actiontriggers.it;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * Measures, inside the server, what the per-send guards cost that issue #15 removed from the send path: a
 * MicroProfile Fault Tolerance {@code @Timeout} call and a deadline on the managed scheduler, beside a plain
 * call and a deadline on a plain scheduler (what {@code WebhookSender} uses now). Nanoseconds per call.
 */
@ApplicationScoped
public class TimeoutProbe {

    @Resource
    ManagedScheduledExecutorService managed;

    @Resource
    ManagedThreadFactory threads;

    private ScheduledThreadPoolExecutor plainScheduler;

    private ScheduledThreadPoolExecutor plain() {
        if (plainScheduler == null) {
            plainScheduler = new ScheduledThreadPoolExecutor(1, threads);
            plainScheduler.setRemoveOnCancelPolicy(true);
        }
        return plainScheduler;
    }

    @PreDestroy
    void stop() {
        if (plainScheduler != null) {
            plainScheduler.shutdownNow();
        }
    }

    @Timeout(value = 90, unit = ChronoUnit.SECONDS)
    public int guarded(int x) {
        return x + 1;
    }

    public int unguarded(int x) {
        return x + 1;
    }

    /** The cost per call of each way, after a warm-up: plain, @Timeout, managed deadline, plain deadline. */
    public long[] measure(TimeoutProbe self, int calls) {
        long[] ns = new long[4];
        for (int round = 0; round < 2; round++) { // the first round warms up
            ns[0] = time(calls, i -> self.unguarded(i));
            ns[1] = time(calls, i -> self.guarded(i));
            ns[2] = time(calls, i -> {
                managed.schedule(() -> {}, 90, TimeUnit.SECONDS).cancel(false);
                return i;
            });
            ns[3] = time(calls, i -> {
                plain().schedule(() -> {}, 90, TimeUnit.SECONDS).cancel(false);
                return i;
            });
        }
        return ns;
    }

    private static long time(int calls, java.util.function.IntUnaryOperator call) {
        long sink = 0;
        long t0 = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            sink += call.applyAsInt(i);
        }
        long per = (System.nanoTime() - t0) / calls;
        return sink == Long.MIN_VALUE ? -1 : per;
    }
}
