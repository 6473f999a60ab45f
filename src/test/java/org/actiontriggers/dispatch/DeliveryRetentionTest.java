package org.actiontriggers.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.actiontriggers.outbox.DeliveryRepository;
import org.junit.jupiter.api.Test;

class DeliveryRetentionTest {

    /** Answers the scripted numbers of deleted rows and remembers what it was asked. */
    static final class ScriptedOutbox extends DeliveryRepository {
        final Deque<Integer> deleted;
        final List<Instant> cutoffs = new ArrayList<>();

        ScriptedOutbox(Integer... deleted) {
            this.deleted = new ArrayDeque<>(List.of(deleted));
        }

        @Override
        public int deleteFinishedBefore(Instant cutoff, int limit) {
            assertThat(limit).isEqualTo(DeliveryRetention.BATCH);
            cutoffs.add(cutoff);
            return deleted.isEmpty() ? 0 : deleted.poll();
        }
    }

    private final Instant now = Instant.parse("2026-11-29T12:00:00Z");

    private DeliveryRetention retention(ScriptedOutbox outbox, Duration kept) {
        DeliveryRetention retention = new DeliveryRetention();
        retention.outbox = outbox;
        retention.retention = kept;
        return retention;
    }

    @Test
    void deletesWhatFinishedBeforeNowMinusTheRetention() {
        ScriptedOutbox outbox = new ScriptedOutbox(3);

        int purged = retention(outbox, Duration.ofDays(30)).purge(now);

        assertThat(purged).isEqualTo(3);
        assertThat(outbox.cutoffs).containsExactly(Instant.parse("2026-10-30T12:00:00Z"));
    }

    @Test
    void keepsDeletingInBatchesUntilABatchIsNotFull() {
        ScriptedOutbox outbox = new ScriptedOutbox(DeliveryRetention.BATCH, DeliveryRetention.BATCH, 7, 99);

        int purged = retention(outbox, Duration.ofHours(1)).purge(now);

        assertThat(purged).isEqualTo(2 * DeliveryRetention.BATCH + 7);
        assertThat(outbox.cutoffs).hasSize(3).containsOnly(now.minus(Duration.ofHours(1)));
    }

    @Test
    void nothingToDeleteIsOneQuery() {
        ScriptedOutbox outbox = new ScriptedOutbox();

        assertThat(retention(outbox, Duration.ofDays(1)).purge(now)).isZero();
        assertThat(outbox.cutoffs).hasSize(1);
    }
}
