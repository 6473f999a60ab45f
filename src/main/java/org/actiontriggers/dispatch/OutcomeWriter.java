package org.actiontriggers.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.actiontriggers.outbox.ClaimedDelivery;

/**
 * The finish stage: buffers finished rounds for a short window or up to a batch size and puts each batch on
 * record in one transaction (attempts, counts, new states, the policy observers), all or nothing, instead of
 * two transactions per delivery.
 *
 * <p>A batch that cannot be written is tried once more after a short pause (a database blip), then row by
 * row, so that one row held locked elsewhere cannot hold back the others. A round that still cannot be
 * written is retried alone with a growing pause ({@link Tuning#retryPause()} doubling up to 4 s) and stays
 * claimed meanwhile: a lock or an outage of seconds loses nothing and sends nothing twice. Once it has failed
 * for {@link Tuning#releaseAfter()}, each further try that cannot write it releases the row instead (due again
 * at once, still the same delivery id): the result counts as lost, and the next round sends again —
 * at-least-once with the same {@code webhook-id}. When even that is impossible (the database is gone), the
 * lease is the backstop; past the lease the writer stops trying, because another instance may own the row.
 */
final class OutcomeWriter {

    private static final Logger LOG = Logger.getLogger(OutcomeWriter.class.getName());
    private static final Duration MAX_RETRY_PAUSE = Duration.ofSeconds(4);

    /** Where batches go: the outbox in production, a fake in unit tests. */
    interface Store {

        /**
         * Writes the batch in one transaction, all or nothing.
         *
         * @return for each round whether its state was written (see {@link FinishedDelivery#written()})
         */
        List<Boolean> write(List<FinishedDelivery> batch);

        /** Gives claimed rows back, due at once, in one transaction. */
        void release(List<ClaimedDelivery> deliveries);
    }

    /**
     * @param maxBatch the most rounds one transaction records
     * @param window how long the first round of a batch waits for others to join it
     * @param retryPause the first pause before a failed round is tried alone again
     * @param releaseAfter how long a round may fail to be written before its row is released
     * @param lease the claim's lease: past it the row may be another instance's, and trying stops
     */
    record Tuning(int maxBatch, Duration window, Duration retryPause, Duration releaseAfter, Duration lease) {}

    private final Store store;
    private final Tuning tuning;
    private final Consumer<List<FinishedDelivery>> written;
    private final ScheduledExecutorService retries;
    private final Clock clock;
    private final BlockingQueue<Entry> queue = new LinkedBlockingQueue<>();
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong released = new AtomicLong();
    private volatile boolean stopped;

    private record Entry(FinishedDelivery round, Instant submitted) {}

    /**
     * @param written told of every round on record (from the writer's or the retry thread)
     * @param retries runs the retries of single rounds, apart from the batches
     */
    OutcomeWriter(
            Store store,
            Tuning tuning,
            Consumer<List<FinishedDelivery>> written,
            ScheduledExecutorService retries,
            Clock clock) {
        this.store = store;
        this.tuning = tuning;
        this.written = written;
        this.retries = retries;
        this.clock = clock;
    }

    /** Queues a finished round for the next batch; never blocks. */
    void submit(FinishedDelivery round) {
        queue.add(new Entry(round, clock.instant()));
    }

    /** The writer's loop: one batch after the other until {@link #stop()}; run it on a thread of its own. */
    void run() {
        while (!stopped) {
            try {
                List<Entry> batch = nextBatch(200);
                if (!batch.isEmpty()) {
                    flush(batch);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "The outcome writer hit an unexpected error; it carries on", e);
            }
        }
    }

    /** Ends the loop after its current batch, and writes what is still queued once. */
    void stop() {
        stopped = true;
        List<Entry> rest = new ArrayList<>();
        queue.drainTo(rest);
        if (!rest.isEmpty()) {
            try {
                store.write(rest.stream().map(Entry::round).toList());
            } catch (RuntimeException e) {
                LOG.warning(() -> rest.size() + " finished deliveries could not be recorded at shutdown; their"
                        + " leases will bring them back");
            }
        }
    }

    /** How many batch transactions committed so far. */
    long batches() {
        return batches.get();
    }

    /** How many rows were released because their result could not be written. */
    long released() {
        return released.get();
    }

    /**
     * The next batch: waits up to {@code waitMillis} for a first round, then up to the window for more, up to
     * the batch size; whatever is already queued joins at once.
     */
    List<Entry> nextBatch(long waitMillis) throws InterruptedException {
        Entry first = queue.poll(waitMillis, TimeUnit.MILLISECONDS);
        if (first == null) {
            return List.of();
        }
        List<Entry> batch = new ArrayList<>();
        batch.add(first);
        long deadline = System.nanoTime() + tuning.window().toNanos();
        while (batch.size() < tuning.maxBatch()) {
            queue.drainTo(batch, tuning.maxBatch() - batch.size());
            long left = deadline - System.nanoTime();
            if (batch.size() >= tuning.maxBatch() || left <= 0) {
                break;
            }
            Entry next = queue.poll(left, TimeUnit.NANOSECONDS);
            if (next == null) {
                break;
            }
            batch.add(next);
        }
        return batch;
    }

    void flush(List<Entry> batch) throws InterruptedException {
        if (tryWrite(batch)) {
            return;
        }
        TimeUnit.MILLISECONDS.sleep(50); // a blip passes; the writer has nothing else to do meanwhile
        if (tryWrite(batch)) {
            return;
        }
        LOG.warning(() -> "A batch of " + batch.size() + " finished deliveries could not be recorded;"
                + " writing them one by one");
        Instant failedAt = clock.instant();
        for (Entry entry : batch) {
            if (batch.size() == 1 || !tryWrite(List.of(entry))) {
                retryLater(entry, failedAt, tuning.retryPause());
            }
        }
    }

    private boolean tryWrite(List<Entry> entries) {
        List<FinishedDelivery> rounds = entries.stream().map(Entry::round).toList();
        List<Boolean> done;
        try {
            done = store.write(rounds);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Recording " + rounds.size() + " finished deliveries failed", e);
            return false;
        }
        batches.incrementAndGet();
        List<FinishedDelivery> recorded = new ArrayList<>(rounds.size());
        for (int i = 0; i < rounds.size(); i++) {
            recorded.add(RoundEnd.written(rounds.get(i), done.get(i)));
        }
        written.accept(recorded);
        return true;
    }

    private void retryLater(Entry entry, Instant failedAt, Duration pause) {
        if (stopped) {
            return;
        }
        try {
            retries.schedule(() -> retry(entry, failedAt, pause), pause.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException shuttingDown) {
            LOG.fine(() -> "Delivery " + entry.round().delivery().id() + " left to its lease at shutdown");
        }
    }

    private void retry(Entry entry, Instant failedAt, Duration pause) {
        String id = entry.round().delivery().id();
        if (tryWrite(List.of(entry))) {
            LOG.info(() -> "Delivery " + id + " recorded after " + Duration.between(failedAt, clock.instant()));
            return;
        }
        Instant now = clock.instant();
        if (now.isAfter(entry.submitted().plus(tuning.lease()))) {
            LOG.warning(() -> "The result of delivery " + id + " could not be recorded within its lease; another"
                    + " round will send it again with the same id");
            return;
        }
        if (!now.isBefore(failedAt.plus(tuning.releaseAfter()))) {
            try {
                store.release(List.of(entry.round().delivery()));
                released.incrementAndGet();
                LOG.warning(() -> "The result of delivery " + id + " could not be recorded for "
                        + Duration.between(failedAt, now) + "; released, it will be sent again with the same id");
                return;
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "Releasing delivery " + id + " failed", e);
            }
        }
        Duration doubled = pause.multipliedBy(2);
        retryLater(entry, failedAt, doubled.compareTo(MAX_RETRY_PAUSE) > 0 ? MAX_RETRY_PAUSE : doubled);
    }
}
