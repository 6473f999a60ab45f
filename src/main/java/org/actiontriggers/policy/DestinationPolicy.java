package org.actiontriggers.policy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.actiontriggers.outbox.DeliveryRepository;
import org.actiontriggers.outbox.DeliveryStatistics;
import org.actiontriggers.settings.TriggerSettings;

/**
 * The operator's use cases on destinations, shared by the admin API and the console: read the state of all
 * or one, disable, re-enable, and drop the deliveries waiting for one. Each runs in one transaction; a state
 * change holds the destination's row lock only for its own few statements.
 */
@ApplicationScoped
public class DestinationPolicy {

    private static final Logger LOG = Logger.getLogger(DestinationPolicy.class.getName());

    @Inject
    DataSource dataSource;

    @Inject
    DestinationStates states;

    @Inject
    DeliveryStatistics statistics;

    @Inject
    DeliveryRepository outbox;

    @Inject
    TriggerSettings settings;

    @Inject
    PolicyEvents events;

    /** Every destination: each webhook, each broker defined in the settings, and any other with a stored state. */
    @Transactional
    public List<DestinationState> list() {
        Map<Long, Long> byWebhook = statistics.pendingByWebhook();
        Map<String, Long> byBroker = statistics.pendingByBroker();
        try (Connection c = dataSource.getConnection()) {
            return states.all(
                    c,
                    byWebhook,
                    byBroker,
                    settings.current().brokers().keySet().stream().sorted().toList());
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the destinations' states", e);
        }
    }

    /** One destination's state; empty when it is neither a webhook, nor a defined broker, nor stored. */
    @Transactional
    public Optional<DestinationState> find(DestinationKey key) {
        try (Connection c = dataSource.getConnection()) {
            return find(c, key);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the state of " + key, e);
        }
    }

    /**
     * Disables a destination: its deliveries wait, kept, until it is re-enabled or they are dropped.
     *
     * @param reason why, in the admin's words; shown with the state and sent with the alert
     * @param by who disabled it, for the log and the alert
     * @return its new state; empty when there is no such destination
     */
    @Transactional
    public Optional<DestinationState> disable(DestinationKey key, String reason, String by) {
        if (find(key).isEmpty()) {
            return Optional.empty();
        }
        states.ensure(key);
        Instant now = Instant.now();
        try (Connection c = dataSource.getConnection()) {
            DestinationRow row = states.row(c, key, true).orElseThrow();
            if (row.breaker != Breaker.DISABLED) {
                String why = reason == null || reason.isBlank() ? "disabled by " + by : reason;
                row.disable(now, why);
                states.update(c, row, now);
                LOG.warning(() -> "Destination " + key + " disabled by " + by + ": " + why);
                events.record(c, new PolicyEvent(PolicyEvent.Type.DISABLED, key, now, why + " (by " + by + ")", null));
            }
            return find(c, key);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not disable " + key, e);
        }
    }

    /**
     * Re-enables a disabled destination, or closes an open breaker: its waiting deliveries become due now and
     * go out in their order; the failing stretch starts afresh.
     *
     * @return its new state; empty when there is no such destination
     */
    @Transactional
    public Optional<DestinationState> reEnable(DestinationKey key, String by) {
        Instant now = Instant.now();
        try (Connection c = dataSource.getConnection()) {
            Optional<DestinationRow> stored = states.row(c, key, true);
            if (stored.isPresent() && stored.get().breaker != Breaker.CLOSED) {
                DestinationRow row = stored.get();
                Breaker was = row.breaker;
                row.reset();
                states.update(c, row, now);
                outbox.pendingDueNow(c, key.webhookId(), key.brokerName());
                LOG.info(() -> "Destination " + key + " re-enabled by " + by + " (was " + was + ")");
                events.record(
                        c, new PolicyEvent(PolicyEvent.Type.RE_ENABLED, key, now, "by " + by + ", was " + was, null));
            }
            return find(c, key);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not re-enable " + key, e);
        }
    }

    /**
     * Gives up the deliveries waiting for a destination: they become failed with the reason, kept on record and
     * redeliverable later.
     *
     * @return how many were dropped; empty when there is no such destination
     */
    @Transactional
    public Optional<Integer> dropWaiting(DestinationKey key, String by) {
        if (find(key).isEmpty()) {
            return Optional.empty();
        }
        int dropped = outbox.dropPending(key.webhookId(), key.brokerName(), "dropped by " + by + " while waiting");
        LOG.info(() -> dropped + " waiting deliveries of " + key + " dropped by " + by);
        return Optional.of(dropped);
    }

    private Optional<DestinationState> find(Connection c, DestinationKey key) throws SQLException {
        Optional<DestinationRow> row = states.row(c, key, false);
        long waiting;
        DestinationStates.WebhookLimits webhook = null;
        if (key.isWebhook()) {
            webhook = states.webhook(c, key.webhookId()).orElse(null);
            if (webhook == null && row.isEmpty()) {
                return Optional.empty();
            }
            waiting = statistics.pendingByWebhook().getOrDefault(key.webhookId(), 0L);
        } else {
            if (row.isEmpty() && settings.current().broker(key.brokerName()).isEmpty()) {
                return Optional.empty();
            }
            waiting = statistics.pendingByBroker().getOrDefault(key.brokerName(), 0L);
        }
        return Optional.of(DestinationStates.state(key, row.orElse(null), webhook, waiting));
    }
}
