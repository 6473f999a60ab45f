package org.actiontriggers.policy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.actiontriggers.settings.TriggerSettings;

/**
 * The webhooks that have a rate limit or an in-flight cap, read again every {@code config-refresh-interval}:
 * the claim needs them on every round, and with no limits set it must cost nothing.
 */
@ApplicationScoped
class WebhookLimitsCache {

    @Inject
    DataSource dataSource;

    @Inject
    DestinationStates states;

    @Inject
    TriggerSettings settings;

    private volatile Map<Long, DestinationStates.WebhookLimits> limited = Map.of();
    private volatile long readAt;

    /** The limited webhooks by id, at most one refresh interval old. */
    Map<Long, DestinationStates.WebhookLimits> current() {
        long now = System.nanoTime();
        if (readAt == 0
                || now - readAt > settings.current().configRefreshInterval().toNanos()) {
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
        }
        return limited;
    }
}
