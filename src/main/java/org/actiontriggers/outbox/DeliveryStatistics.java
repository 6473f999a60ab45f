package org.actiontriggers.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Aggregate figures of the outbox for the metrics and health checks, so that only this package reads its
 * tables.
 */
@ApplicationScoped
public class DeliveryStatistics {

    /** The count of pending deliveries that have had a failed round already, apart from the other states. */
    public static final String RETRYING = "RETRYING";

    @Inject
    DataSource dataSource;

    /**
     * Deliveries per state; {@value #RETRYING} counts the pending ones with a failed round, which then do not
     * count as {@code PENDING}.
     */
    public Map<String, Long> countByState() throws SQLException {
        Map<String, Long> byState = new HashMap<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT state, CASE WHEN state = 'PENDING' AND failed_rounds > 0 THEN 1 ELSE 0 END,"
                                + " COUNT(*) FROM action_triggers_delivery GROUP BY state,"
                                + " CASE WHEN state = 'PENDING' AND failed_rounds > 0 THEN 1 ELSE 0 END");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String state = rs.getInt(2) == 1 ? RETRYING : rs.getString(1);
                byState.merge(state, rs.getLong(3), Long::sum);
            }
        }
        return byState;
    }

    /**
     * Seconds from change to success of the at most {@code limit} latest deliveries that succeeded since
     * {@code since}, newest first.
     */
    public List<Double> latenciesSince(Instant since, int limit) throws SQLException {
        List<Double> latencies = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("SELECT created_at, completed_at FROM action_triggers_delivery"
                                + " WHERE state = 'SUCCEEDED' AND completed_at >= ? ORDER BY completed_at DESC"
                                + " FETCH FIRST " + limit + " ROWS ONLY")) {
            ps.setObject(1, since.atOffset(ZoneOffset.UTC));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    OffsetDateTime created = rs.getObject(1, OffsetDateTime.class);
                    OffsetDateTime completed = rs.getObject(2, OffsetDateTime.class);
                    latencies.add(Duration.between(created, completed).toMillis() / 1000.0);
                }
            }
        }
        return latencies;
    }

    /** Pending deliveries (due or waiting) per webhook id, for the destination policy's read model. */
    public Map<Long, Long> pendingByWebhook() {
        Map<Long, Long> counts = new HashMap<>();
        query(
                "SELECT webhook_id, COUNT(*) FROM action_triggers_delivery WHERE state = 'PENDING'"
                        + " AND webhook_id IS NOT NULL GROUP BY webhook_id",
                rs -> counts.put(rs.getLong(1), rs.getLong(2)));
        return counts;
    }

    /** Pending deliveries (due or waiting) per broker name, all its queues together. */
    public Map<String, Long> pendingByBroker() {
        Map<String, Long> counts = new HashMap<>();
        query(
                "SELECT broker_name, COUNT(*) FROM action_triggers_delivery WHERE state = 'PENDING'"
                        + " AND broker_name IS NOT NULL GROUP BY broker_name",
                rs -> counts.put(rs.getString(1), rs.getLong(2)));
        return counts;
    }

    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    private void query(String sql, RowReader reader) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                reader.read(rs);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not count pending deliveries", e);
        }
    }
}
