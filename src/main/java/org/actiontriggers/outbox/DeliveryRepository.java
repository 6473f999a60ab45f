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
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.actiontriggers.trigger.Destination;

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
 * destination and entity exists, so those go out one after another in recording order ({@code created_at},
 * then the time-ordered id). Rows are read and written through {@link DeliveryTable} and {@link AttemptTable}.
 */
@ApplicationScoped
public class DeliveryRepository {

    /** An older row {@code o} goes to the same destination as the candidate {@code c}. */
    private static final String SAME_DESTINATION = Destination.IDENTITY_COLUMNS.stream()
            .map(column -> "o." + column + " = c." + column)
            .collect(Collectors.joining(" OR "));

    @Inject
    DataSource dataSource;

    /**
     * Inserts a delivery in the caller's transaction (the one that changed the entity): pending, or failed
     * at once when it carries an error (its payload could not be rendered).
     */
    public void insert(PendingDelivery d) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(DeliveryTable.INSERT)) {
            Sql.bind(ps, DeliveryTable.COLUMNS, DeliveryTable.values(d));
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
        String select = "SELECT " + DeliveryTable.select("d") + " FROM action_triggers_delivery d"
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
                ps.setObject(i, Sql.utc(now));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        claimed.add(ClaimedDelivery.of(DeliveryTable.read(rs)));
                    }
                }
            }
            if (!claimed.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement(claim)) {
                    for (ClaimedDelivery d : claimed) {
                        ps.setString(1, owner);
                        ps.setObject(2, Sql.utc(now.plus(lease)));
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
     * while an older change of the same entity to the same destination is still pending or in flight. "Older"
     * is by {@code seq}, which a database sequence fills on insert: the clocks of the instances that recorded
     * the rows play no part (rows migrated from before the sequence that share a value fall back to the id).
     */
    private List<String> dueCandidates(Instant now, int limit) {
        String candidates = "SELECT c.id, c.due_at FROM action_triggers_delivery c WHERE c.state = ? AND c.due_at <= ?"
                + " AND (c.ordered = FALSE OR NOT EXISTS (SELECT 1 FROM action_triggers_delivery o"
                + " WHERE (" + SAME_DESTINATION + ")"
                + " AND o.entity_type = c.entity_type AND o.entity_id = c.entity_id"
                + " AND o.state IN ('PENDING', 'IN_FLIGHT')"
                + " AND (o.seq < c.seq OR (o.seq = c.seq AND o.id < c.id))))"
                + " ORDER BY c.state, c.due_at FETCH FIRST ? ROWS ONLY";
        List<Map.Entry<OffsetDateTime, String>> due = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(candidates)) {
            for (String state : new String[] {"PENDING", "IN_FLIGHT"}) {
                ps.setString(1, state);
                ps.setObject(2, Sql.utc(now));
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
        String count = "UPDATE action_triggers_delivery SET attempts = attempts + 1, last_status = ?, last_error = ?"
                + " WHERE id = ?";
        try (Connection c = dataSource.getConnection();
                PreparedStatement ins = c.prepareStatement(AttemptTable.INSERT);
                PreparedStatement upd = c.prepareStatement(count)) {
            Sql.bind(ins, AttemptTable.INSERTED, AttemptTable.values(a));
            ins.executeUpdate();
            if (a.statusCode() == null) {
                upd.setNull(1, Types.INTEGER);
            } else {
                upd.setInt(1, a.statusCode());
            }
            upd.setString(2, DeliveryTable.truncate(a.error()));
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
            ps.setObject(2, Sql.utc(state == DeliveryState.PENDING ? dueAt : now));
            ps.setInt(3, failedRounds);
            if (state == DeliveryState.PENDING) {
                ps.setNull(4, Types.TIMESTAMP_WITH_TIMEZONE);
            } else {
                ps.setObject(4, Sql.utc(now));
            }
            ps.setString(5, DeliveryTable.truncate(error));
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
            ps.setObject(1, Sql.utc(Instant.now()));
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
            ps.setObject(1, Sql.utc(Instant.now()));
            ps.setLong(2, webhookId);
            ps.setObject(3, Sql.utc(since));
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
            ps.setObject(1, Sql.utc(cutoff));
            ps.setInt(2, limit);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not delete finished deliveries", e);
        }
    }
}
