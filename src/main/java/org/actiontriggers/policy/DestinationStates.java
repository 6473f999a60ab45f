package org.actiontriggers.policy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The table {@code action_triggers_destination} through plain JDBC on the one data source, in the caller's
 * transaction: one row per destination that ever failed, was limited or was disabled. Also reads each
 * webhook's URL and limits ({@code rate_limit}, {@code max_in_flight} of {@code action_triggers_webhook}) to
 * show them with its state.
 */
@ApplicationScoped
public class DestinationStates {

    static final String TABLE = "action_triggers_destination";

    private static final String COLUMNS = "d.destination, d.kind, d.webhook_id, d.broker_name, d.breaker,"
            + " d.failed_rounds, d.failing_since, d.opened_at, d.next_probe_at, d.probe_interval_ms, d.probe_id, d.disabled_at,"
            + " d.disabled_reason, d.alerted_percent, d.last_success_at, d.last_failure_at, d.last_status,"
            + " d.last_error, d.rate_tokens, d.tokens_at, d.in_flight, d.updated_at";

    private static final int MAX_TEXT = 2000;

    @Inject
    DataSource dataSource;

    /** The stored row of a destination, locked for the caller's transaction when {@code lock}. */
    Optional<DestinationRow> row(Connection c, DestinationKey key, boolean lock) throws SQLException {
        String sql =
                "SELECT " + COLUMNS + " FROM " + TABLE + " d WHERE d.destination = ?" + (lock ? " FOR UPDATE" : "");
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, key.toString());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    /**
     * The rows that an outcome or a claim must look at under lock: breakers not closed, or destinations in a
     * failing stretch (a success ends it). Read without lock; small, since healthy destinations have no such row.
     */
    Map<DestinationKey, DestinationRow> unhealthy(Connection c) throws SQLException {
        Map<DestinationKey, DestinationRow> rows = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM " + TABLE
                        + " d WHERE d.breaker <> 'CLOSED' OR d.failed_rounds > 0");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                DestinationRow row = read(rs);
                rows.put(row.key(), row);
            }
        }
        return rows;
    }

    /** Keeps a destination's deliveries out of the claim scans until {@code until} (no tokens or slots left). */
    void throttle(Connection c, DestinationKey key, Instant until) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("UPDATE " + TABLE + " SET throttled_until = ? WHERE destination = ?")) {
            ps.setObject(1, utc(until));
            ps.setString(2, key.toString());
            ps.executeUpdate();
        }
    }

    /** Every stored row, by destination. */
    Map<DestinationKey, DestinationRow> rows(Connection c) throws SQLException {
        Map<DestinationKey, DestinationRow> rows = new LinkedHashMap<>();
        try (PreparedStatement ps =
                        c.prepareStatement("SELECT " + COLUMNS + " FROM " + TABLE + " d ORDER BY d.destination");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                DestinationRow row = read(rs);
                rows.put(row.key(), row);
            }
        }
        return rows;
    }

    /**
     * Creates a destination's row, closed and healthy, unless it exists — in a transaction of its own, so that
     * two instances creating it at once cost the loser nothing but a duplicate key it ignores.
     */
    @Transactional(TxType.REQUIRES_NEW)
    public void ensure(DestinationKey key) {
        String sql = "INSERT INTO " + TABLE + " (destination, kind, webhook_id, broker_name, breaker, updated_at)"
                + " SELECT ?, ?, ?, ?, 'CLOSED', ? WHERE NOT EXISTS (SELECT 1 FROM " + TABLE
                + " WHERE destination = ?)";
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, key.toString());
            ps.setString(2, key.kind());
            ps.setObject(3, key.webhookId(), Types.BIGINT);
            ps.setString(4, key.brokerName());
            ps.setObject(5, utc(Instant.now()));
            ps.setString(6, key.toString());
            ps.executeUpdate();
        } catch (SQLException e) {
            if (!"23505".equals(e.getSQLState())) {
                throw new IllegalStateException("Could not create the policy row of " + key, e);
            }
        }
    }

    /** Writes a row's state back (the row exists; the caller holds its lock). */
    void update(Connection c, DestinationRow row, Instant now) throws SQLException {
        String sql = "UPDATE " + TABLE + " SET breaker = ?, failed_rounds = ?, failing_since = ?, opened_at = ?,"
                + " next_probe_at = ?, probe_interval_ms = ?, probe_id = ?, disabled_at = ?, disabled_reason = ?,"
                + " alerted_percent = ?, last_success_at = ?, last_failure_at = ?, last_status = ?, last_error = ?,"
                + " rate_tokens = ?, tokens_at = ?, in_flight = ?, updated_at = ? WHERE destination = ?";
        row.updatedAt = now;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            ps.setString(i++, row.breaker.name());
            ps.setInt(i++, row.failedRounds);
            ps.setObject(i++, utc(row.failingSince));
            ps.setObject(i++, utc(row.openedAt));
            ps.setObject(i++, utc(row.nextProbeAt));
            ps.setObject(i++, row.probeInterval == null ? null : row.probeInterval.toMillis(), Types.BIGINT);
            ps.setString(i++, row.probeId);
            ps.setObject(i++, utc(row.disabledAt));
            ps.setString(i++, truncate(row.disabledReason));
            ps.setInt(i++, row.alertedPercent);
            ps.setObject(i++, utc(row.lastSuccessAt));
            ps.setObject(i++, utc(row.lastFailureAt));
            ps.setObject(i++, row.lastStatus, Types.INTEGER);
            ps.setString(i++, truncate(row.lastError));
            ps.setObject(i++, row.rateTokens, Types.DOUBLE);
            ps.setObject(i++, utc(row.tokensAt));
            ps.setInt(i++, row.inFlight);
            ps.setObject(i++, utc(row.updatedAt));
            ps.setString(i, row.key.toString());
            ps.executeUpdate();
        }
    }

    /** The URL and limits of every webhook, by id, in id order. */
    Map<Long, WebhookLimits> webhooks(Connection c) throws SQLException {
        Map<Long, WebhookLimits> webhooks = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                        "SELECT id, url, rate_limit, max_in_flight FROM action_triggers_webhook ORDER BY id");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                webhooks.put(rs.getLong(1), limits(rs));
            }
        }
        return webhooks;
    }

    /** The URL and limits of one webhook, if it exists. */
    Optional<WebhookLimits> webhook(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, url, rate_limit, max_in_flight FROM action_triggers_webhook WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(limits(rs)) : Optional.empty();
            }
        }
    }

    /** A webhook's URL and its optional limits. */
    record WebhookLimits(String url, Double rateLimit, Integer maxInFlight) {}

    private static WebhookLimits limits(ResultSet rs) throws SQLException {
        double rate = rs.getDouble(3);
        Double rateLimit = rs.wasNull() ? null : rate;
        int max = rs.getInt(4);
        Integer maxInFlight = rs.wasNull() ? null : max;
        return new WebhookLimits(rs.getString(2), rateLimit, maxInFlight);
    }

    private static DestinationRow read(ResultSet rs) throws SQLException {
        long webhookId = rs.getLong("webhook_id");
        DestinationRow row = new DestinationRow(
                rs.wasNull() ? DestinationKey.broker(rs.getString("broker_name")) : DestinationKey.webhook(webhookId));
        row.breaker = Breaker.valueOf(rs.getString("breaker"));
        row.failedRounds = rs.getInt("failed_rounds");
        row.failingSince = instant(rs, "failing_since");
        row.openedAt = instant(rs, "opened_at");
        row.nextProbeAt = instant(rs, "next_probe_at");
        long probe = rs.getLong("probe_interval_ms");
        row.probeInterval = rs.wasNull() ? null : Duration.ofMillis(probe);
        row.probeId = rs.getString("probe_id");
        row.disabledAt = instant(rs, "disabled_at");
        row.disabledReason = rs.getString("disabled_reason");
        row.alertedPercent = rs.getInt("alerted_percent");
        row.lastSuccessAt = instant(rs, "last_success_at");
        row.lastFailureAt = instant(rs, "last_failure_at");
        int status = rs.getInt("last_status");
        row.lastStatus = rs.wasNull() ? null : status;
        row.lastError = rs.getString("last_error");
        double tokens = rs.getDouble("rate_tokens");
        row.rateTokens = rs.wasNull() ? null : tokens;
        row.tokensAt = instant(rs, "tokens_at");
        row.inFlight = rs.getInt("in_flight");
        row.updatedAt = instant(rs, "updated_at");
        return row;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static String truncate(String text) {
        return text == null || text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT);
    }

    /** Every destination's state: every webhook, every defined broker, and every stored row besides. */
    List<DestinationState> all(
            Connection c, Map<Long, Long> waitingByWebhook, Map<String, Long> waitingByBroker, Iterable<String> brokers)
            throws SQLException {
        Map<DestinationKey, DestinationRow> rows = rows(c);
        Map<Long, WebhookLimits> webhooks = webhooks(c);
        List<DestinationState> states = new ArrayList<>();
        webhooks.forEach((id, limits) -> {
            DestinationKey key = DestinationKey.webhook(id);
            DestinationRow row = rows.remove(key);
            states.add(state(key, row, limits, waitingByWebhook.getOrDefault(id, 0L)));
        });
        for (String broker : brokers) {
            DestinationKey key = DestinationKey.broker(broker);
            DestinationRow row = rows.remove(key);
            states.add(state(key, row, null, waitingByBroker.getOrDefault(broker, 0L)));
        }
        for (DestinationRow row : rows.values()) {
            long waiting = row.key().isWebhook()
                    ? waitingByWebhook.getOrDefault(row.key().webhookId(), 0L)
                    : waitingByBroker.getOrDefault(row.key().brokerName(), 0L);
            states.add(state(row.key(), row, null, waiting));
        }
        return states;
    }

    /** The read model of a destination from its row (or none) and its webhook (or none). */
    static DestinationState state(DestinationKey key, DestinationRow row, WebhookLimits webhook, long waiting) {
        String address = key.isWebhook() ? (webhook == null ? null : webhook.url()) : "broker:" + key.brokerName();
        Double rateLimit = webhook == null ? null : webhook.rateLimit();
        Integer maxInFlight = webhook == null ? null : webhook.maxInFlight();
        if (row == null) {
            return DestinationState.withoutRow(key, address, rateLimit, maxInFlight, waiting);
        }
        return new DestinationState(
                key,
                address,
                row.breaker,
                row.failedRounds,
                row.failingSince,
                row.openedAt,
                row.nextProbeAt,
                row.probeInterval,
                row.disabledAt,
                row.disabledReason,
                row.lastSuccessAt,
                row.lastFailureAt,
                row.lastStatus,
                row.lastError,
                rateLimit,
                maxInFlight,
                row.inFlight,
                waiting,
                row.updatedAt);
    }
}
