package org.actiontriggers.dispatch;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.actiontriggers.boot.ActionTriggersStarted;
import org.actiontriggers.deliver.DeliveryChannels;
import org.actiontriggers.deliver.DeliveryOutcome;
import org.actiontriggers.outbox.ClaimedDelivery;
import org.actiontriggers.outbox.DeliveryRepository;
import org.actiontriggers.record.OutboxCommitted;
import org.actiontriggers.settings.Settings;

/**
 * Moves recorded deliveries out of the outbox: claim, commit the claim, send, record the result.
 *
 * <p>It is woken right after a transaction that recorded deliveries commits, so the normal case waits for
 * no poll interval; a sweep every {@code action-triggers.dispatch.sweep-interval} picks up retries that fell
 * due and rows whose lease ran out because an instance died. Claims use {@code FOR UPDATE SKIP LOCKED}, so
 * several instances on one database take disjoint rows, and no row lock is held during an HTTP call. At
 * most {@code action-triggers.dispatch.max-concurrent-sends} requests are in flight per instance; rows are
 * only claimed when a sender is free to take them, so a lease never runs out while a row waits in memory.
 */
@ApplicationScoped
public class DeliveryDispatcher {

    private static final Logger LOG = Logger.getLogger(DeliveryDispatcher.class.getName());
    private static final int MAX_CLAIM = 50;

    @Inject
    DeliveryRepository outbox;

    @Inject
    DeliveryChannels channels;

    @Inject
    Hooks hooks;

    @Resource
    ManagedThreadFactory threads;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private final String owner = ownerName();
    private final AtomicBoolean pumping = new AtomicBoolean();
    private final AtomicBoolean wanted = new AtomicBoolean();
    private final AtomicBoolean starved = new AtomicBoolean();
    private volatile Settings settings;
    private volatile Semaphore senders;
    private volatile ThreadPoolExecutor pool;
    private ScheduledFuture<?> sweep;

    void start(@Observes ActionTriggersStarted started) {
        settings = started.settings();
        int size = settings.maxConcurrentSends();
        senders = new Semaphore(size);
        // one more thread than senders, for the claim loop itself
        pool = new ThreadPoolExecutor(size + 1, size + 1, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), threads);
        pool.allowCoreThreadTimeOut(true);
        long every = settings.sweepInterval().toMillis();
        sweep = scheduler.scheduleWithFixedDelay(this::wake, 0, every, TimeUnit.MILLISECONDS);
        LOG.info(() -> "Dispatcher " + owner + " started: " + size + " concurrent sends, sweep every " + every + " ms");
    }

    void committed(@Observes OutboxCommitted committed) {
        wake();
    }

    /** Whether the dispatcher has started and not stopped: readiness depends on it. */
    public boolean isRunning() {
        ThreadPoolExecutor p = pool;
        return p != null && !p.isShutdown();
    }

    /** Asks for a claim round soon; cheap and non-blocking, safe to call from any thread. */
    public void wake() {
        ThreadPoolExecutor p = pool;
        if (p == null || p.isShutdown()) {
            return;
        }
        wanted.set(true);
        if (pumping.compareAndSet(false, true)) {
            try {
                p.execute(this::pump);
            } catch (RuntimeException rejected) {
                pumping.set(false);
            }
        }
    }

    private void pump() {
        try {
            while (wanted.getAndSet(false)) {
                claimWhileSendersFree();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Claiming due deliveries failed; the next sweep will try again", e);
        } finally {
            pumping.set(false);
        }
        if (wanted.get()) {
            wake();
        }
    }

    private void claimWhileSendersFree() {
        while (true) {
            int free = senders.availablePermits();
            if (free == 0) {
                starved.set(true);
                return;
            }
            int asked = Math.min(free, MAX_CLAIM);
            Instant now = Instant.now();
            List<ClaimedDelivery> claimed = outbox.claimDue(
                    owner, now, settings.lease(), asked, hooks.candidateCondition(), hooks.claimStep(now));
            for (ClaimedDelivery delivery : claimed) {
                senders.acquireUninterruptibly();
                pool.execute(() -> process(delivery));
            }
            if (claimed.size() < asked) {
                return;
            }
        }
    }

    private void process(ClaimedDelivery delivery) {
        try {
            DeliveryOutcome outcome = channels.deliver(delivery);
            finish(delivery, outcome);
        } catch (RuntimeException e) {
            LOG.log(
                    Level.WARNING,
                    "Delivery " + delivery.id() + " hit an unexpected error; it stays claimed until"
                            + " its lease runs out and will then be retried",
                    e);
        } finally {
            senders.release();
            // an ordered delivery's successor of the same destination and entity may be claimed now
            if (starved.getAndSet(false) || delivery.ordered()) {
                wake();
            }
        }
    }

    private void finish(ClaimedDelivery delivery, DeliveryOutcome outcome) {
        Instant now = Instant.now();
        FinishedDelivery finished = RoundEnd.of(delivery, outcome, List.of(), settings, now);
        outbox.finishAll(
                owner,
                List.of(RoundEnd.write(finished)),
                now,
                hooks.finishStep(written -> List.of(RoundEnd.written(finished, written.get(0))), now));
    }

    @PreDestroy
    void stop() {
        if (sweep != null) {
            sweep.cancel(false);
        }
        if (pool != null) {
            pool.shutdown();
        }
    }

    private static String ownerName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "instance";
        }
        String name = host + "/" + UUID.randomUUID().toString().substring(0, 8);
        return name.length() > 100 ? name.substring(name.length() - 100) : name;
    }
}
