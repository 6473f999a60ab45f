package org.actiontriggers.dispatch;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.actiontriggers.boot.ActionTriggersStarted;
import org.actiontriggers.deliver.DeliveryChannels;
import org.actiontriggers.deliver.DeliveryOutcome;
import org.actiontriggers.outbox.ClaimedBatch;
import org.actiontriggers.outbox.ClaimedDelivery;
import org.actiontriggers.outbox.DeliveryRepository;
import org.actiontriggers.record.OutboxCommitted;
import org.actiontriggers.settings.Settings;

/**
 * Moves recorded deliveries out of the outbox in three stages (docs/dispatcher-design.md): claim a batch in
 * one transaction, send each outside any transaction, and record the results in batches through the
 * {@link OutcomeWriter}, one transaction for many deliveries.
 *
 * <p>It is woken right after a transaction that recorded deliveries commits, so the normal case waits for
 * no poll interval; a sweep every {@code action-triggers.dispatch.sweep-interval} picks up retries that fell
 * due and rows whose lease ran out because an instance died (only a sweep looks for those: one scan less
 * per claim). Claims use {@code FOR UPDATE SKIP LOCKED}, so several instances on one database take
 * disjoint rows, and no row lock is held during an HTTP call. At most {@code
 * action-triggers.dispatch.max-concurrent-sends} requests are in flight per instance; rows are only claimed
 * when a sender is free to take them, so a lease never runs out while a row waits in memory.
 */
@ApplicationScoped
public class DeliveryDispatcher {

    private static final Logger LOG = Logger.getLogger(DeliveryDispatcher.class.getName());
    private static final int MAX_CLAIM = 50;
    /** The most finished rounds one finish transaction records. */
    private static final int FINISH_BATCH = 100;
    /** How long a finished round waits for others to share its transaction: short beside a round trip. */
    private static final Duration FINISH_WINDOW = Duration.ofMillis(2);
    /** How long a round's result may fail to be recorded before its row is released for another round. */
    private static final Duration RELEASE_AFTER = Duration.ofSeconds(5);

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
    /** Set by the sweep: the next claims look for rows whose lease ran out too. */
    private final AtomicBoolean sweepDue = new AtomicBoolean();

    private volatile Settings settings;
    private volatile Semaphore senders;
    private volatile ThreadPoolExecutor pool;
    private ScheduledFuture<?> sweeps;
    private volatile OutcomeWriter writer;
    private ScheduledThreadPoolExecutor writerRetries;
    private Thread writerThread;

    void start(@Observes ActionTriggersStarted started) {
        settings = started.settings();
        int size = settings.maxConcurrentSends();
        senders = new Semaphore(size);
        // one more thread than senders, for the claim loop itself
        pool = new ThreadPoolExecutor(size + 1, size + 1, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), threads);
        pool.allowCoreThreadTimeOut(true);
        writerRetries = new ScheduledThreadPoolExecutor(1, threads);
        writer = new OutcomeWriter(
                new OutboxStore(),
                new OutcomeWriter.Tuning(
                        FINISH_BATCH, FINISH_WINDOW, Duration.ofMillis(250), RELEASE_AFTER, settings.lease()),
                this::recorded,
                writerRetries,
                Clock.systemUTC());
        writerThread = threads.newThread(writer::run);
        writerThread.setName("action-triggers-outcome-writer");
        writerThread.start();
        long every = settings.sweepInterval().toMillis();
        sweeps = scheduler.scheduleWithFixedDelay(this::sweep, 0, every, TimeUnit.MILLISECONDS);
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

    /** A claim round that also takes back rows whose lease ran out (an instance died, a round was lost). */
    private void sweep() {
        sweepDue.set(true);
        wake();
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
        boolean lapsedLeases = false;
        while (true) {
            int free = senders.availablePermits();
            if (free == 0) {
                starved.set(true);
                return;
            }
            // only a sweep looks for lapsed leases: a commit's wake needs the rows it recorded, one scan
            lapsedLeases |= sweepDue.getAndSet(false);
            int asked = Math.min(free, MAX_CLAIM);
            Instant now = Instant.now();
            ClaimedBatch batch = outbox.claimDue(
                    owner,
                    now,
                    settings.lease(),
                    asked,
                    lapsedLeases,
                    hooks.candidateCondition(),
                    hooks.claimStep(now));
            for (ClaimedDelivery delivery : batch.claimed()) {
                senders.acquireUninterruptibly();
                pool.execute(() -> process(delivery));
            }
            // go on while rows were left out of a batch that took some; stop when nothing more was due
            if (batch.claimed().isEmpty() || (batch.claimed().size() < asked && !batch.moreDue())) {
                return;
            }
        }
    }

    private void process(ClaimedDelivery delivery) {
        try {
            DeliveryOutcome outcome = channels.deliver(delivery);
            writer.submit(RoundEnd.of(delivery, outcome, outcome.attempts(), settings, Instant.now()));
        } catch (RuntimeException e) {
            LOG.log(
                    Level.WARNING,
                    "Delivery " + delivery.id() + " hit an unexpected error; it stays claimed until"
                            + " its lease runs out and will then be retried",
                    e);
        } finally {
            senders.release();
            if (starved.getAndSet(false)) {
                wake();
            }
        }
    }

    /** After a batch is on record: an ordered delivery's successor of the same destination and entity may go. */
    private void recorded(List<FinishedDelivery> batch) {
        if (batch.stream().anyMatch(f -> f.delivery().ordered())) {
            wake();
        }
    }

    /** The outbox as the outcome writer's store, with the policy observers in the same transactions. */
    private final class OutboxStore implements OutcomeWriter.Store {

        @Override
        public List<Boolean> write(List<FinishedDelivery> batch) {
            Instant now = Instant.now();
            return outbox.finishAll(
                    owner,
                    batch.stream().map(RoundEnd::write).toList(),
                    now,
                    hooks.finishStep(written -> withWritten(batch, written), now));
        }

        @Override
        public void release(List<ClaimedDelivery> deliveries) {
            Instant now = Instant.now();
            outbox.release(
                    owner,
                    deliveries.stream().map(ClaimedDelivery::id).toList(),
                    now,
                    hooks.releaseStep(deliveries, now));
        }
    }

    private static List<FinishedDelivery> withWritten(List<FinishedDelivery> batch, List<Boolean> written) {
        List<FinishedDelivery> recorded = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            recorded.add(RoundEnd.written(batch.get(i), written.get(i)));
        }
        return recorded;
    }

    @PreDestroy
    void stop() {
        if (sweeps != null) {
            sweeps.cancel(false);
        }
        if (pool != null) {
            pool.shutdown();
        }
        if (writer != null) {
            writer.stop();
            writerThread.interrupt();
            writerRetries.shutdownNow();
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
