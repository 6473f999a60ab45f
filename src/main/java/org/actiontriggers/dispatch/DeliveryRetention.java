package org.actiontriggers.dispatch;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.actiontriggers.boot.ActionTriggersStarted;
import org.actiontriggers.outbox.DeliveryRepository;
import org.actiontriggers.settings.Settings;

/**
 * Keeps the outbox from growing without end: every {@code action-triggers.retention.cleanup-interval} it
 * deletes finished deliveries (succeeded, failed, dead) completed more than {@code action-triggers.retention}
 * ago, with their attempts. Pending and in-flight deliveries are never touched, however old. Every instance
 * runs it; concurrent runs delete disjoint or already-deleted rows, which is harmless.
 */
@ApplicationScoped
public class DeliveryRetention {

    private static final Logger LOG = Logger.getLogger(DeliveryRetention.class.getName());
    /** Rows per delete statement: keeps each transaction and its locks short. */
    static final int BATCH = 500;

    @Inject
    DeliveryRepository outbox;

    @Resource
    ManagedScheduledExecutorService scheduler;

    volatile Duration retention;
    private ScheduledFuture<?> cleanup;

    void start(@Observes ActionTriggersStarted started) {
        Settings settings = started.settings();
        retention = settings.retention();
        long every = settings.retentionCleanupInterval().toMillis();
        cleanup = scheduler.scheduleWithFixedDelay(this::cleanUp, every, every, TimeUnit.MILLISECONDS);
    }

    private void cleanUp() {
        try {
            purge(Instant.now());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Deleting expired deliveries failed; the next cleanup will try again", e);
        }
    }

    /**
     * Deletes the finished deliveries that are older than the retention at {@code now}.
     *
     * @return how many were deleted
     */
    public int purge(Instant now) {
        Instant cutoff = now.minus(retention);
        int total = 0;
        int deleted;
        do {
            deleted = outbox.deleteFinishedBefore(cutoff, BATCH);
            total += deleted;
        } while (deleted == BATCH);
        if (total > 0) {
            int count = total;
            LOG.info(() -> "Deleted " + count + " deliveries finished before " + cutoff);
        }
        return total;
    }

    @PreDestroy
    void stop() {
        if (cleanup != null) {
            cleanup.cancel(false);
        }
    }
}
