package org.actiontriggers.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;
import org.actiontriggers.deliver.DeliveryOutcome;
import org.actiontriggers.outbox.ClaimedDelivery;
import org.actiontriggers.outbox.DeliveryState;
import org.actiontriggers.trigger.HttpMethod;
import org.actiontriggers.trigger.WebhookDestination;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The finish stage's batching and its answers to writes that fail, against a store that fails on demand. */
class OutcomeWriterTest {

    /** Writes in memory; refuses every batch that holds a refused id, as a row lock held elsewhere would. */
    private static final class FakeStore implements OutcomeWriter.Store {
        final List<List<String>> transactions = Collections.synchronizedList(new ArrayList<>());
        final List<String> releases = Collections.synchronizedList(new ArrayList<>());
        final Set<String> refused = ConcurrentHashMap.newKeySet();
        final Set<String> lostLease = ConcurrentHashMap.newKeySet();
        final AtomicInteger refusals = new AtomicInteger();
        volatile boolean releaseRefused;

        @Override
        public List<Boolean> write(List<FinishedDelivery> batch) {
            List<String> ids = batch.stream().map(f -> f.delivery().id()).toList();
            if (ids.stream().anyMatch(refused::contains)) {
                refusals.incrementAndGet();
                throw new IllegalStateException("lock timeout");
            }
            transactions.add(ids);
            return ids.stream().map(id -> !lostLease.contains(id)).toList();
        }

        @Override
        public void release(List<ClaimedDelivery> deliveries) {
            if (releaseRefused) {
                refusals.incrementAndGet();
                throw new IllegalStateException("lock timeout");
            }
            deliveries.forEach(d -> releases.add(d.id()));
        }

        List<String> written() {
            synchronized (transactions) {
                return transactions.stream().flatMap(List::stream).toList();
            }
        }
    }

    private final FakeStore store = new FakeStore();
    private final List<FinishedDelivery> recorded = Collections.synchronizedList(new ArrayList<>());
    private final ScheduledThreadPoolExecutor retries = new ScheduledThreadPoolExecutor(1);

    @AfterEach
    void stopRetries() {
        retries.shutdownNow();
    }

    private OutcomeWriter writer(int maxBatch, Duration releaseAfter) {
        return new OutcomeWriter(
                store,
                new OutcomeWriter.Tuning(
                        maxBatch, Duration.ofMillis(1), Duration.ofMillis(10), releaseAfter, Duration.ofMinutes(5)),
                recorded::addAll,
                retries,
                Clock.systemUTC());
    }

    private static FinishedDelivery round(String id) {
        ClaimedDelivery delivery = new ClaimedDelivery(
                id,
                new WebhookDestination(1, HttpMethod.POST, "https://example.com/hook", Map.of(), null),
                "{}",
                "application/json",
                Instant.now(),
                0,
                false,
                "post_save",
                "Sale",
                "1");
        return new FinishedDelivery(
                delivery, DeliveryOutcome.succeeded(), DeliveryState.SUCCEEDED, null, 0, List.of(), true);
    }

    private static void flushAll(OutcomeWriter writer) throws InterruptedException {
        List<?> batch;
        while (!(batch = writer.nextBatch(0)).isEmpty()) {
            flush(writer, batch);
        }
    }

    @SuppressWarnings("unchecked")
    private static void flush(OutcomeWriter writer, List<?> batch) throws InterruptedException {
        writer.flush((List) batch);
    }

    @Test
    void roundsQueuedTogetherShareOneTransaction() throws InterruptedException {
        OutcomeWriter writer = writer(100, Duration.ofSeconds(5));
        for (int i = 0; i < 5; i++) {
            writer.submit(round("d" + i));
        }

        flushAll(writer);

        assertThat(store.transactions).containsExactly(List.of("d0", "d1", "d2", "d3", "d4"));
        assertThat(recorded).hasSize(5);
        assertThat(writer.batches()).isEqualTo(1);
    }

    @Test
    void aBatchHoldsAtMostTheBatchSize() throws InterruptedException {
        OutcomeWriter writer = writer(3, Duration.ofSeconds(5));
        for (int i = 0; i < 7; i++) {
            writer.submit(round("d" + i));
        }

        flushAll(writer);

        assertThat(store.transactions)
                .containsExactly(List.of("d0", "d1", "d2"), List.of("d3", "d4", "d5"), List.of("d6"));
    }

    @Test
    void aRowThatCannotBeWrittenDoesNotHoldBackTheOthersAndIsWrittenOnceItCanBe() throws InterruptedException {
        OutcomeWriter writer = writer(100, Duration.ofSeconds(30));
        store.refused.add("locked");
        writer.submit(round("a"));
        writer.submit(round("locked"));
        writer.submit(round("b"));

        flushAll(writer);

        assertThat(store.written()).containsExactly("a", "b");
        store.refused.clear();
        await().atMost(Duration.ofSeconds(5)).until(() -> store.written().contains("locked"));
        assertThat(store.written()).containsExactly("a", "b", "locked");
        assertThat(store.releases).as("written, so not sent again").isEmpty();
        assertThat(recorded).extracting(f -> f.delivery().id()).containsExactlyInAnyOrder("a", "b", "locked");
    }

    @Test
    void aRowThatStaysUnwritableIsReleasedForAnotherRound() throws InterruptedException {
        OutcomeWriter writer = writer(100, Duration.ofMillis(50));
        store.refused.add("poison");
        writer.submit(round("poison"));

        flushAll(writer);

        await().atMost(Duration.ofSeconds(5)).until(() -> store.releases.contains("poison"));
        assertThat(store.written()).isEmpty();
        assertThat(writer.released()).isEqualTo(1);
        assertThat(recorded).isEmpty();
    }

    @Test
    void whileNeitherWriteNorReleaseWorksTheWriterKeepsTryingAndWritesWhenItCan() throws InterruptedException {
        OutcomeWriter writer = writer(100, Duration.ofMillis(20));
        store.refused.add("held");
        store.releaseRefused = true;
        writer.submit(round("held"));

        flushAll(writer);
        await().atMost(Duration.ofSeconds(5)).until(() -> store.refusals.get() >= 5);
        store.refused.clear();

        await().atMost(Duration.ofSeconds(10)).until(() -> store.written().contains("held"));
        assertThat(store.releases).isEmpty();
    }

    @Test
    void aRoundWhoseLeaseWasLostIsReportedAsNotWritten() throws InterruptedException {
        OutcomeWriter writer = writer(100, Duration.ofSeconds(5));
        store.lostLease.add("taken-over");
        writer.submit(round("mine"));
        writer.submit(round("taken-over"));

        flushAll(writer);

        assertThat(recorded)
                .extracting(f -> f.delivery().id() + "=" + f.written())
                .containsExactly("mine=true", "taken-over=false");
    }

    @Test
    void theLoopWritesWhatIsSubmittedAndStopWritesTheRest() throws InterruptedException {
        OutcomeWriter writer = writer(100, Duration.ofSeconds(5));
        Thread loop = new Thread(writer::run);
        loop.start();
        writer.submit(round("x"));
        await().atMost(Duration.ofSeconds(5)).until(() -> store.written().contains("x"));
        writer.stop();
        loop.join(5_000);
        assertThat(loop.isAlive()).isFalse();

        writer.submit(round("late"));
        writer.stop();

        assertThat(store.written()).containsExactly("x", "late");
    }
}
