package org.actiontriggers.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Each destination's health in figures, from the attempt log: success rate, volume and latency (p50/p99) over
 * the last hour, day and week, in buckets for charts, and its latest failures with their responses.
 *
 * <p>The cost is bounded by rows, not by time: each read takes at most {@link #MAX_SAMPLES} of the newest
 * attempts in its window (newest first; the figures then say {@code truncated}) and computes buckets and
 * percentiles in Java ({@link Figures#of}) — percentiles in SQL are not written alike in H2 and PostgreSQL,
 * and four bytes of each of at most 20,000 rows cost less than a second query. The join from an attempt to its
 * delivery uses the attempt's {@code delivery_id}; the window is on {@code attempted_at}, which retention
 * keeps to the recent past.
 */
@ApplicationScoped
public class DestinationFigures {

    /** The most attempts one figure read takes into account. */
    public static final int MAX_SAMPLES = 20_000;

    /** How many of a destination's latest failures its page shows. */
    public static final int LAST_FAILURES = 10;

    /** An attempt succeeded when it raised no error and got no status, or a 2xx status. */
    static final String SUCCEEDED =
            "(a.error_kind IS NULL AND (a.status_code IS NULL OR (a.status_code >= 200 AND a.status_code < 300)))";

    private static final String FROM =
            " FROM action_triggers_attempt a JOIN action_triggers_delivery d" + " ON d.id = a.delivery_id";

    @Inject
    DataSource dataSource;

    /** One destination's figures over the last hour, day and week, from one read of its last week. */
    public Map<FigureWindow, Figures> of(DestinationRef destination, Instant now) {
        Instant since = now.minus(FigureWindow.WEEK.length());
        String sql = "SELECT a.attempted_at, " + SUCCEEDED + " AS ok, a.latency_millis" + FROM + " WHERE "
                + destination.predicate() + " AND a.attempted_at >= ? ORDER BY a.attempted_at DESC"
                + " FETCH FIRST " + MAX_SAMPLES + " ROWS ONLY";
        List<Figures.Sample> samples = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, destination.parameter());
            ps.setObject(2, Sql.utc(since));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    samples.add(sample(rs, 1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the figures of " + destination.describe(), e);
        }
        boolean truncated = samples.size() == MAX_SAMPLES;
        Instant oldest = truncated ? samples.get(samples.size() - 1).at() : since;
        Map<FigureWindow, Figures> figures = new EnumMap<>(FigureWindow.class);
        for (FigureWindow window : FigureWindow.values()) {
            boolean cut = truncated && oldest.isAfter(now.minus(window.length()));
            figures.put(window, Figures.of(window, now, samples, cut));
        }
        return figures;
    }

    /**
     * Every destination attempted in the window, with its figures over it, from one read of at most
     * {@link #MAX_SAMPLES} attempts (the newest): for an overview of all destinations.
     */
    public Map<DestinationRef, Figures> all(FigureWindow window, Instant now) {
        Instant since = now.minus(window.length());
        String sql = "SELECT a.attempted_at, " + SUCCEEDED + " AS ok, a.latency_millis, d.kind, d.webhook_id,"
                + " d.broker_name" + FROM + " WHERE a.attempted_at >= ? ORDER BY a.attempted_at DESC"
                + " FETCH FIRST " + MAX_SAMPLES + " ROWS ONLY";
        Map<DestinationRef, List<Figures.Sample>> samples = new LinkedHashMap<>();
        int rows = 0;
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, Sql.utc(since));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows++;
                    DestinationRef ref = "BROKER".equals(rs.getString(4))
                            ? DestinationRef.broker(rs.getString(6))
                            : DestinationRef.webhook(rs.getLong(5));
                    samples.computeIfAbsent(ref, r -> new ArrayList<>()).add(sample(rs, 1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the destinations' figures", e);
        }
        boolean truncated = rows == MAX_SAMPLES;
        Map<DestinationRef, Figures> figures = new LinkedHashMap<>();
        samples.forEach((ref, list) -> figures.put(ref, Figures.of(window, now, list, truncated)));
        return figures;
    }

    /** The destination's latest failed attempts, newest first, with their (capped) responses. */
    public List<FailedAttempt> lastFailures(DestinationRef destination, int limit) {
        String sql = "SELECT d.id AS delivery_id_, a.id, " + Sql.select("a", AttemptTable.INSERTED) + FROM
                + " WHERE " + destination.predicate() + " AND NOT " + SUCCEEDED
                + " ORDER BY a.attempted_at DESC, a.id DESC FETCH FIRST ? ROWS ONLY";
        List<FailedAttempt> failures = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, destination.parameter());
            ps.setInt(2, Math.max(1, limit));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    failures.add(new FailedAttempt(rs.getString("delivery_id_"), AttemptTable.read(rs)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the failures of " + destination.describe(), e);
        }
        return failures;
    }

    /** A failed attempt and the delivery it belongs to. */
    public record FailedAttempt(String deliveryId, Attempt attempt) {

        public String getDeliveryId() {
            return deliveryId;
        }

        public Attempt getAttempt() {
            return attempt;
        }
    }

    private static Figures.Sample sample(ResultSet rs, int first) throws SQLException {
        return new Figures.Sample(
                rs.getObject(first, OffsetDateTime.class).toInstant(), rs.getBoolean(first + 1), rs.getLong(first + 2));
    }
}
