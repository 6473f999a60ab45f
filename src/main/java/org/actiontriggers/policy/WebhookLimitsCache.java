package org.actiontriggers.policy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.actiontriggers.trigger.ActiveTriggers;

/**
 * The webhooks that have a rate limit or an in-flight cap, read again as soon as this instance loaded a new
 * config revision ({@link ActiveTriggers}, which follows changes made on any instance) and at least every
 * {@value #MAX_AGE_SECONDS} seconds: the claim needs them on every round, and with no limits set it must cost
 * nothing.
 */
@ApplicationScoped
class WebhookLimitsCache {

    @Inject
    DataSource dataSource;

    @Inject
    DestinationStates states;

    static final long MAX_AGE_SECONDS = 30;

    @Inject
    ActiveTriggers triggers;

    private volatile Map<Long, DestinationStates.WebhookLimits> limited = Map.of();
    private volatile long readAt;
    private volatile long readRevision = Long.MIN_VALUE;

    /** The limited webhooks by id, as of the config revision this instance has loaded. */
    Map<Long, DestinationStates.WebhookLimits> current() {
        long now = System.nanoTime();
        long revision = triggers.loadedRevision();
        if (revision != readRevision || now - readAt > TimeUnit.SECONDS.toNanos(MAX_AGE_SECONDS)) {
            Map<Long, DestinationStates.WebhookLimits> read = new HashMap<>();
            try (Connection c = dataSource.getConnection()) {
                states.webhooks(c).forEach((id, limits) -> {
                    if (limits.rateLimit() != null || limits.maxInFlight() != null) {
                        read.put(id, limits);
                    }
                });
            } catch (SQLException e) {
                throw new IllegalStateException("Could not read the webhooks' limits", e);
            }
            limited = Map.copyOf(read);
            readAt = now;
            readRevision = revision;
        }
        return limited;
    }
}
