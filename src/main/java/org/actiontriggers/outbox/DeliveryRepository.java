package org.actiontriggers.outbox;

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
import java.util.Collections;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.actiontriggers.trigger.HeadersConverter;
import org.actiontriggers.trigger.HttpMethod;

/**
 * The outbox table through JDBC: the insert runs inside entity callbacks, where JPA forbids the
 * EntityManager, and the claim needs {@code FOR UPDATE SKIP LOCKED}, which JPQL cannot say. The SQL is plain
 * enough to run unchanged on H2 2.2 and PostgreSQL.
 *
 * <p>A row's {@code due_at} is when it next needs attention: for a pending row its planned attempt, for an
 * in-flight row the end of its lease. One index on {@code (state, due_at)} thus serves both the prompt claim
 * after commit and the recovery of rows a crashed instance left behind.
 *
 * <p>An {@code ordered} row is not claimed while an older unfinished row (pending or in flight) of the same
 * webhook (or broker queue) and entity exists, so those go out one after another in recording order ({@code created_at}, then
 * the time-ordered id).
 */
@ApplicationScoped
public class DeliveryRepository {

    private static final int MAX_ERROR_LENGTH = 2000;

    /** The {@code kind} of a webhook request row. */
    public static final String KIND_WEBHOOK = "WEBHOOK";

    /** The {@code kind} of a broker message row. */
    public static final String KIND_BROKER = "BROKER";

    @Inject
    DataSource dataSource;

    /**
     * Inserts a delivery in the caller's transaction (the one that changed the entity): pending, or failed
     * at once when it carries an error (its payload could not be rendered).
     */
    public void insert(PendingDelivery d) {
        String sql = "INSERT INTO action_triggers_delivery (id, config_id, webhook_id, entity_type, entity_id, signal,"
                + " operation, http_method, url, headers, timeout_secs, body, content_type, state, attempts,"
                + " failed_rounds, due_at, created_at, completed_at, last_error, ordered, kind, broker_queue_id,"
                + " broker_name, broker_conn, broker_params)"
                + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,0,0,?,?,?,?,?,?,?,?,?,?)";
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            boolean broker = d.brokerQueueId() != null;
            ps.setString(1, d.id());
            ps.setLong(2, d.configId());
            setLong(ps, 3, d.webhookId());
            ps.setString(4, d.entityType());
            ps.setString(5, d.entityId());
            ps.setString(6, d.signal());
            ps.setString(7, d.operation());
            ps.setString(8, d.httpMethod() == null ? null : d.httpMethod().name());
            ps.setString(9, d.url());
            ps.setString(10, HeadersConverter.toJson(d.headers()));
            if (d.timeoutSecs() == null) {
                ps.setNull(11, Types.DOUBLE);
            } else {
                ps.setDouble(11, d.timeoutSecs());
            }
            ps.setString(12, d.body());
            ps.setString(13, d.contentType());
            ps.setString(14, (d.error() == null ? DeliveryState.PENDING : DeliveryState.FAILED).name());
            ps.setObject(15, utc(d.createdAt()));
            ps.setObject(16, utc(d.createdAt()));
            ps.setObject(17, d.error() == null ? null : utc(d.createdAt()));
            ps.setString(18, truncate(d.error()));
            ps.setBoolean(19, d.ordered());
            ps.setString(20, broker ? KIND_BROKER : KIND_WEBHOOK);
            setLong(ps, 21, d.brokerQueueId());
            ps.setString(22, d.brokerName());
            ps.setString(23, broker ? HeadersConverter.toJson(d.connDetails()) : null);
            ps.setString(24, broker ? HeadersConverter.toJson(d.parameters()) : null);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record a delivery in the outbox", e);
        }
    }

    /**
     * Claims up to {@code limit} due rows — pending ones whose time has come and in-flight ones whose lease
     * ran out — for {@code owner}, in a short transaction of its own. Rows another instance is claiming at
     * the same moment are skipped, not waited for.
     */
    @Transactional(TxType.REQUIRES_NEW)
    public List<ClaimedDelivery> claimDue(String owner, Instant now, Duration lease, int limit) {
        List<String> ids = dueCandidates(now, limit);
        if (ids.isEmpty()) {
            return List.of();
        }
        // Only the chosen rows are locked (with the lock on the ordered scan itself, H2 locks every matching
        // row, not the first n), by id: bound values, because H2 evaluates an IN (subquery) again for each
        // row. The conditions are checked again on the locked rows.
        String select = "SELECT d.id, d.webhook_id, d.http_method, d.url, d.headers, d.timeout_secs, d.body,"
                + " d.content_type, d.created_at, d.failed_rounds, d.ordered, d.signal, d.entity_type, d.entity_id,"
                + " d.broker_queue_id, d.broker_name, d.broker_conn, d.broker_params FROM action_triggers_delivery d"
                + " WHERE d.id IN (" + String.join(",", Collections.nCopies(ids.size(), "?")) + ")"
                + " AND d.state IN ('PENDING', 'IN_FLIGHT') AND d.due_at <= ?"
                + " ORDER BY d.due_at FOR UPDATE SKIP LOCKED";
        String claim =
                "UPDATE action_triggers_delivery SET state = 'IN_FLIGHT', claimed_by = ?, due_at = ? WHERE id = ?";
        List<ClaimedDelivery> claimed = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(select)) {
                int i = 1;
                for (String id : ids) {
                    ps.setString(i++, id);
                }
                ps.setObject(i, utc(now));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Number timeout = (Number) rs.getObject("timeout_secs");
                        String method = rs.getString("http_method");
                        claimed.add(new ClaimedDelivery(
                                rs.getString("id"),
                                longOrNull(rs, "webhook_id"),
                                method == null ? null : HttpMethod.valueOf(method),
                                rs.getString("url"),
                                HeadersConverter.fromJson(rs.getString("headers")),
                                timeout == null ? null : timeout.doubleValue(),
                                rs.getString("body"),
                                rs.getString("content_type"),
                                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                                rs.getInt("failed_rounds"),
                                rs.getBoolean("ordered"),
                                rs.getString("signal"),
                                rs.getString("entity_type"),
                                rs.getString("entity_id"),
                                longOrNull(rs, "broker_queue_id"),
                                rs.getString("broker_name"),
                                HeadersConverter.fromJson(rs.getString("broker_conn")),
                                HeadersConverter.fromJson(rs.getString("broker_params"))));
                    }
                }
            }
            if (!claimed.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement(claim)) {
                    for (ClaimedDelivery d : claimed) {
                        ps.setString(1, owner);
                        ps.setObject(2, utc(now.plus(lease)));
                        ps.setString(3, d.id());
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            }
            return claimed;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not claim due deliveries", e);
        }
    }

    /**
     * The ids of the first {@code limit} due rows, read without locks: pending rows whose time has come and
     * in-flight rows whose lease ran out, each state through its own index-ordered scan (ordering by
     * {@code state, due_at} with one state lets H2 read the index in order and stop after {@code limit} rows;
     * with both states in one query it reads and sorts the whole backlog). A row of an ordered config waits
     * while an older change of the same entity to the same destination is still pending or in flight.
     */
    private List<String> dueCandidates(Instant now, int limit) {
        String candidates = "SELECT c.id, c.due_at FROM action_triggers_delivery c WHERE c.state = ? AND c.due_at <= ?"
                + " AND (c.ordered = FALSE OR NOT EXISTS (SELECT 1 FROM action_triggers_delivery o"
                + " WHERE (o.webhook_id = c.webhook_id OR o.broker_queue_id = c.broker_queue_id)"
                + " AND o.entity_type = c.entity_type AND o.entity_id = c.entity_id"
                + " AND o.state IN ('PENDING', 'IN_FLIGHT')"
                + " AND (o.created_at < c.created_at OR (o.created_at = c.created_at AND o.id < c.id))))"
                + " ORDER BY c.state, c.due_at FETCH FIRST ? ROWS ONLY";
        List<Map.Entry<OffsetDateTime, String>> due = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(candidates)) {
            for (String state : new String[] {"PENDING", "IN_FLIGHT"}) {
                ps.setString(1, state);
                ps.setObject(2, utc(now));
                ps.setInt(3, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        due.add(Map.entry(rs.getObject("due_at", OffsetDateTime.class), rs.getString("id")));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not find due deliveries", e);
        }
        return due.stream()
                .sorted(Map.Entry.comparingByKey())
                .limit(limit)
                .map(Map.Entry::getValue)
                .toList();
    }

    /** Puts one attempt on record and counts it on its delivery. */
    @Transactional(TxType.REQUIRES_NEW)
    public void recordAttempt(AttemptRecord a) {
        String insert = "INSERT INTO action_triggers_attempt (delivery_id, attempted_at, url, status_code, error_kind,"
                + " error, latency_millis, response_body) VALUES (?,?,?,?,?,?,?,?)";
        String count = "UPDATE action_triggers_delivery SET attempts = attempts + 1, last_status = ?, last_error = ?"
                + " WHERE id = ?";
        try (Connection c = dataSource.getConnection();
                PreparedStatement ins = c.prepareStatement(insert);
                PreparedStatement upd = c.prepareStatement(count)) {
            ins.setString(1, a.deliveryId());
            ins.setObject(2, utc(a.attemptedAt()));
            ins.setString(3, a.url());
            setInteger(ins, 4, a.statusCode());
            ins.setString(5, a.errorKind());
            ins.setString(6, truncate(a.error()));
            ins.setLong(7, a.latency().toMillis());
            ins.setString(8, a.responseBody());
            ins.executeUpdate();
            setInteger(upd, 1, a.statusCode());
            upd.setString(2, truncate(a.error()));
            upd.setString(3, a.deliveryId());
            upd.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record an attempt of delivery " + a.deliveryId(), e);
        }
    }

    /**
     * Ends this instance's claim on a delivery with its new state; a no-op when the lease was lost meanwhile
     * and another instance now owns the row.
     *
     * @param dueAt when a {@link DeliveryState#PENDING} row is next due; ignored for final states
     * @return whether the row was still this owner's
     */
    @Transactional(TxType.REQUIRES_NEW)
    public boolean finish(String id, String owner, DeliveryState state, Instant dueAt, int failedRounds, String error) {
        String sql = "UPDATE action_triggers_delivery SET state = ?, due_at = ?, failed_rounds = ?, claimed_by = NULL,"
                + " completed_at = ?, last_error = COALESCE(?, last_error) WHERE id = ? AND claimed_by = ?"
                + " AND state = 'IN_FLIGHT'";
        Instant now = Instant.now();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, state.name());
            ps.setObject(2, utc(state == DeliveryState.PENDING ? dueAt : now));
            ps.setInt(3, failedRounds);
            if (state == DeliveryState.PENDING) {
                ps.setNull(4, Types.TIMESTAMP_WITH_TIMEZONE);
            } else {
                ps.setObject(4, utc(now));
            }
            ps.setString(5, truncate(error));
            ps.setString(6, id);
            ps.setString(7, owner);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not update delivery " + id, e);
        }
    }

    /**
     * Makes a finished delivery pending again, due now, with a fresh retry schedule; it keeps its id, so the
     * receiver sees the same {@code webhook-id}. A delivery whose payload never rendered has nothing to send.
     *
     * @return whether the delivery existed in a final state with a body
     */
    @Transactional(TxType.REQUIRES_NEW)
    public boolean redeliver(String id) {
        String sql = "UPDATE action_triggers_delivery SET state = 'PENDING', due_at = ?, failed_rounds = 0,"
                + " claimed_by = NULL, completed_at = NULL WHERE id = ? AND state IN ('SUCCEEDED', 'FAILED', 'DEAD')"
                + " AND content_type IS NOT NULL";
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, utc(Instant.now()));
            ps.setString(2, id);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not redeliver " + id, e);
        }
    }

    /**
     * Makes every failed or dead delivery of one webhook recorded since {@code since} pending again, due now,
     * each with its own id (so its {@code webhook-id}) — the bulk form of {@link #redeliver(String)}, for after
     * a receiver's outage or fix.
     *
     * @return how many deliveries were made pending
     */
    @Transactional(TxType.REQUIRES_NEW)
    public int redeliverFailed(long webhookId, Instant since) {
        String sql = "UPDATE action_triggers_delivery SET state = 'PENDING', due_at = ?, failed_rounds = 0,"
                + " claimed_by = NULL, completed_at = NULL WHERE webhook_id = ? AND created_at >= ?"
                + " AND state IN ('FAILED', 'DEAD') AND content_type IS NOT NULL";
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, utc(Instant.now()));
            ps.setLong(2, webhookId);
            ps.setObject(3, utc(since));
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not redeliver the failed deliveries of webhook " + webhookId, e);
        }
    }

    /**
     * Deletes up to {@code limit} finished deliveries (succeeded, failed, dead) completed before the cutoff,
     * their attempts with them, in a transaction of its own so that a large backlog is removed in short steps.
     *
     * @return how many deliveries were deleted
     */
    @Transactional(TxType.REQUIRES_NEW)
    public int deleteFinishedBefore(Instant cutoff, int limit) {
        String sql = "DELETE FROM action_triggers_delivery WHERE id IN (SELECT id FROM action_triggers_delivery"
                + " WHERE state IN ('SUCCEEDED', 'FAILED', 'DEAD') AND completed_at < ?"
                + " ORDER BY completed_at FETCH FIRST ? ROWS ONLY)";
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, utc(cutoff));
            ps.setInt(2, limit);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not delete finished deliveries", e);
        }
    }

    private static Long longOrNull(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static void setInteger(PreparedStatement ps, int index, Integer value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setInt(index, value);
        }
    }

    private static String truncate(String text) {
        return text == null || text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH);
    }
}
