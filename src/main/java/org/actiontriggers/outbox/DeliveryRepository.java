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
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
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
 * destination and entity exists, so those go out one after another in recording order ({@code seq}, which a
 * database sequence fills on insert, then the id). Rows are read and written through {@link DeliveryTable} and
 * {@link AttemptTable}.
 */
@ApplicationScoped
public class DeliveryRepository {

    /** An older row {@code o} goes to the same destination as the candidate {@code c}. */
    private static final String SAME_DESTINATION = Destination.IDENTITY_COLUMNS.stream()
            .map(column -> "o." + column + " = c." + column)
            .collect(Collectors.joining(" OR "));

    /** How long one statement of a finish or release may wait, e.g. for a row lock, before it gives up. */
    public static final int WRITE_TIMEOUT_SECONDS = 2;

    @Inject
    DataSource dataSource;

    /** Whether the database runs a statement's query timeout as a setting of the whole session (H2 does). */
    private volatile Boolean sessionWideTimeout;

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
     * Claims up to {@code limit} due rows — pending ones whose time has come and, when asked, in-flight ones
     * whose lease ran out — for {@code owner}, in a short transaction of its own, whole changes together (see
     * {@link ClaimGroups}). Rows another instance is claiming at the same moment are skipped, not waited for.
     *
     * @param lapsedLeases whether in-flight rows whose lease ran out are looked for too: a second scan, which
     *     the periodic sweep needs and a claim woken by a commit does not
     * @param candidateCondition a SQL condition on the candidate row {@code c}, or blank for none: rows it
     *     rejects are not even looked at (policy keeps blocked destinations out of the scan with it)
     * @param step decides, on the claim's connection, which of the locked rows are claimed
     */
    @Transactional(TxType.REQUIRES_NEW)
    public ClaimedBatch claimDue(
            String owner,
            Instant now,
            Duration lease,
            int limit,
            boolean lapsedLeases,
            String candidateCondition,
            ClaimStep step) {
        List<String> due = new ArrayList<>();
        boolean moreDue = dueCandidates(now, limit, lapsedLeases, candidateCondition, due);
        if (due.isEmpty()) {
            return new ClaimedBatch(List.of(), false);
        }
        List<String> ids = due;
        String select = lockChosen(ids.size());
        String claim =
                "UPDATE action_triggers_delivery SET state = 'IN_FLIGHT', claimed_by = ?, due_at = ? WHERE id = ?";
        List<ClaimedDelivery> locked = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(select)) {
                int i = 1;
                for (String id : ids) {
                    ps.setString(i++, id);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Delivery row = DeliveryTable.read(rs);
                        if (stillDue(row, now)) {
                            locked.add(ClaimedDelivery.of(row));
                        }
                    }
                }
            }
            if (locked.isEmpty()) {
                return new ClaimedBatch(List.of(), moreDue);
            }
            Map<String, Integer> dueOrder = new HashMap<>();
            for (int i = 0; i < ids.size(); i++) {
                dueOrder.put(ids.get(i), i);
            }
            locked.sort(Comparator.comparing(d -> dueOrder.get(d.id())));
            List<ClaimedDelivery> claimed = step.admit(c, ClaimGroups.grouped(locked));
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
            return new ClaimedBatch(claimed, moreDue || claimed.size() < locked.size());
        } catch (SQLException e) {
            throw new IllegalStateException("Could not claim due deliveries", e);
        }
    }

    /**
     * The claim's lock of {@code n} chosen rows: by id only (bound values, because H2 evaluates an IN
     * (subquery) again for each row), and only them — with the lock on the ordered scan itself, H2 locks every
     * matching row, not the first n. Whether a locked row is still due is checked on what the lock read
     * ({@link #stillDue}), not in the statement: with {@code state} and {@code due_at} in it, H2 on Payara was
     * seen (a flight recording of benchmark case 5) to run the lock through the (state, due_at) index and test
     * every due row — a backlog of 100,000 read by each claim. With the id as its only condition, the primary
     * key is the only plan.
     */
    static String lockChosen(int n) {
        return "SELECT " + DeliveryTable.select("d") + " FROM action_triggers_delivery d WHERE d.id IN ("
                + String.join(",", Collections.nCopies(n, "?")) + ") FOR UPDATE SKIP LOCKED";
    }

    /** A locked row another instance did not finish or claim since the scan saw it. */
    static boolean stillDue(Delivery row, Instant now) {
        return (row.getState() == DeliveryState.PENDING || row.getState() == DeliveryState.IN_FLIGHT)
                && !row.getDueAt().toInstant().isAfter(now);
    }

    /**
     * The one condition that keeps an ordered row {@code c} waiting: an older change of the same entity to the
     * same destination ({@code o}) is still pending or in flight. "Older" is by {@code seq}, which a database
     * sequence fills on insert: the clocks of the instances that recorded the rows play no part (rows migrated
     * from before the sequence that share a value fall back to the id).
     */
    static String waitsForPredecessor() {
        return "EXISTS (SELECT 1 FROM action_triggers_delivery o"
                + " WHERE (" + SAME_DESTINATION + ")"
                + " AND o.entity_type = c.entity_type AND o.entity_id = c.entity_id"
                + " AND o.state IN ('PENDING', 'IN_FLIGHT')"
                + " AND (o.seq < c.seq OR (o.seq = c.seq AND o.id < c.id)))";
    }

    /**
     * The ids of the first {@code limit} due rows, read without locks, cut at a change's boundary: pending
     * rows whose time has come and, with {@code lapsedLeases}, in-flight rows whose lease ran out, each state
     * through its own index-ordered scan (ordering by {@code state, due_at} with one state lets H2 read the
     * index in order and stop early; with both states in one query it reads and sorts the whole backlog). A row of an ordered
     * config waits while an older change of the same entity to the same destination is still pending or in
     * flight. The scan reads twice {@code limit} rows so that a change cut by the window can be seen as such.
     *
     * @param taken receives the ids to claim
     * @return whether more rows are due than were taken
     */
    private boolean dueCandidates(
            Instant now, int limit, boolean lapsedLeases, String candidateCondition, List<String> taken) {
        String extra =
                candidateCondition == null || candidateCondition.isBlank() ? "" : " AND (" + candidateCondition + ")";
        String candidates = "SELECT c.id, c.due_at, c.entity_type, c.entity_id, c.created_at"
                + " FROM action_triggers_delivery c WHERE c.state = ? AND c.due_at <= ?"
                + " AND (c.ordered = FALSE OR NOT " + waitsForPredecessor() + ")" + extra
                + " ORDER BY c.state, c.due_at FETCH FIRST ? ROWS ONLY";
        int window = limit * 2;
        record Due(OffsetDateTime dueAt, ClaimGroups.Candidate candidate) {}
        List<Due> due = new ArrayList<>();
        boolean windowFull = false;
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(candidates)) {
            for (String state : lapsedLeases ? List.of("PENDING", "IN_FLIGHT") : List.of("PENDING")) {
                ps.setString(1, state);
                ps.setObject(2, Sql.utc(now));
                ps.setInt(3, window);
                int read = 0;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        read++;
                        due.add(new Due(
                                rs.getObject("due_at", OffsetDateTime.class),
                                new ClaimGroups.Candidate(
                                        rs.getString("id"),
                                        rs.getString("entity_type"),
                                        rs.getString("entity_id"),
                                        rs.getObject("created_at", OffsetDateTime.class)
                                                .toInstant())));
                    }
                }
                windowFull |= read == window;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not find due deliveries", e);
        }
        List<ClaimGroups.Candidate> ordered = due.stream()
                .sorted(Comparator.comparing(Due::dueAt))
                .map(Due::candidate)
                .toList();
        taken.addAll(ClaimGroups.take(ordered, limit, windowFull));
        return ordered.size() > taken.size();
    }

    /**
     * Puts many finished rounds on record in one transaction, all or nothing: their attempts, the attempt
     * counts, and each delivery's new state where this owner still holds its claim; then {@code step} runs on
     * the same connection. Each statement gives up after {@value #WRITE_TIMEOUT_SECONDS} s (a row lock held
     * elsewhere, a stalled database), so the caller can retry or release instead of hanging.
     *
     * @return for each finish, whether its new state was written ({@code false}: the lease was lost)
     */
    @Transactional(TxType.REQUIRES_NEW)
    public List<Boolean> finishAll(String owner, List<Finish> finishes, Instant now, FinishStep step) {
        String finish =
                "UPDATE action_triggers_delivery SET state = ?, due_at = ?, failed_rounds = ?, claimed_by = NULL,"
                        + " completed_at = ?, attempts = attempts + ?,"
                        + " last_status = CASE WHEN ? = 1 THEN CAST(? AS INTEGER) ELSE last_status END,"
                        + " last_error = COALESCE(?, ?, last_error)"
                        + " WHERE id = ? AND claimed_by = ? AND state = 'IN_FLIGHT'";
        String count = "UPDATE action_triggers_delivery SET attempts = attempts + ?,"
                + " last_status = CASE WHEN ? = 1 THEN CAST(? AS INTEGER) ELSE last_status END,"
                + " last_error = COALESCE(?, last_error) WHERE id = ?";
        try (Connection c = dataSource.getConnection()) {
            boolean anyAttempt = finishes.stream().anyMatch(f -> !f.attempts().isEmpty());
            if (anyAttempt) {
                try (PreparedStatement ins = c.prepareStatement(AttemptTable.INSERT)) {
                    limitWait(ins);
                    for (Finish f : finishes) {
                        for (AttemptRecord a : f.attempts()) {
                            Sql.bind(ins, AttemptTable.INSERTED, AttemptTable.values(a));
                            ins.addBatch();
                        }
                    }
                    ins.executeBatch();
                }
            }
            List<Boolean> written = new ArrayList<>(finishes.size());
            try (PreparedStatement ps = c.prepareStatement(finish)) {
                limitWait(ps);
                for (Finish f : finishes) {
                    boolean pending = f.state() == DeliveryState.PENDING;
                    AttemptRecord last = f.attempts().isEmpty()
                            ? null
                            : f.attempts().get(f.attempts().size() - 1);
                    ps.setString(1, f.state().name());
                    ps.setObject(2, Sql.utc(pending ? f.dueAt() : now));
                    ps.setInt(3, f.failedRounds());
                    if (pending) {
                        ps.setNull(4, Types.TIMESTAMP_WITH_TIMEZONE);
                    } else {
                        ps.setObject(4, Sql.utc(now));
                    }
                    ps.setInt(5, f.attempts().size());
                    bindLastStatus(ps, 6, last);
                    ps.setString(8, DeliveryTable.truncate(f.error()));
                    ps.setString(9, last == null ? null : DeliveryTable.truncate(last.error()));
                    ps.setString(10, f.id());
                    ps.setString(11, owner);
                    ps.addBatch();
                }
                for (int updated : ps.executeBatch()) {
                    written.add(updated != 0);
                }
            }
            if (written.contains(Boolean.FALSE) && anyAttempt) {
                // the lease was lost: the attempts still count on the row the other owner now holds
                try (PreparedStatement ps = c.prepareStatement(count)) {
                    limitWait(ps);
                    for (int i = 0; i < finishes.size(); i++) {
                        Finish f = finishes.get(i);
                        if (written.get(i) || f.attempts().isEmpty()) {
                            continue;
                        }
                        AttemptRecord last = f.attempts().get(f.attempts().size() - 1);
                        ps.setInt(1, f.attempts().size());
                        bindLastStatus(ps, 2, last);
                        ps.setString(4, DeliveryTable.truncate(last.error()));
                        ps.setString(5, f.id());
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            }
            step.written(c, finishes, written);
            return written;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record " + finishes.size() + " finished deliveries", e);
        }
    }

    private static void bindLastStatus(PreparedStatement ps, int index, AttemptRecord last) throws SQLException {
        ps.setInt(index, last == null ? 0 : 1);
        if (last == null || last.statusCode() == null) {
            ps.setNull(index + 1, Types.INTEGER);
        } else {
            ps.setInt(index + 1, last.statusCode());
        }
    }

    /**
     * Gives claimed rows back before their lease ends: still in flight for this owner, but due at
     * {@code dueAt}, when any instance's recovery claim takes them again (and sends again, with the same id).
     * For rounds whose result could not be put on record.
     *
     * @return how many rows were released
     */
    @Transactional(TxType.REQUIRES_NEW)
    public int release(String owner, List<String> ids, Instant dueAt, ReleaseStep step) {
        String sql = "UPDATE action_triggers_delivery SET due_at = ? WHERE id = ? AND claimed_by = ?"
                + " AND state = 'IN_FLIGHT'";
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            limitWait(ps);
            for (String id : ids) {
                ps.setObject(1, Sql.utc(dueAt));
                ps.setString(2, id);
                ps.setString(3, owner);
                ps.addBatch();
            }
            int released = 0;
            for (int updated : ps.executeBatch()) {
                released += updated == 0 ? 0 : 1;
            }
            step.released(c, ids);
            return released;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not release " + ids.size() + " claimed deliveries", e);
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

    /**
     * Gives up the pending deliveries of one destination (a webhook, or every queue of a broker): they become
     * {@link DeliveryState#FAILED} with the reason, kept on record and redeliverable. In-flight ones finish as
     * they will.
     *
     * @param webhookId the webhook, or {@code null} for a broker
     * @param brokerName the broker, or {@code null} for a webhook
     * @return how many were dropped
     */
    @Transactional
    public int dropPending(Long webhookId, String brokerName, String reason) {
        String sql = "UPDATE action_triggers_delivery SET state = 'FAILED', completed_at = ?, last_error = ?"
                + " WHERE state = 'PENDING' AND " + (webhookId != null ? "webhook_id = ?" : "broker_name = ?");
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, Sql.utc(Instant.now()));
            ps.setString(2, DeliveryTable.truncate(reason));
            bindDestination(ps, 3, webhookId, brokerName);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not drop the pending deliveries of a destination", e);
        }
    }

    /**
     * Puts the pending deliveries of one destination back in recording order and due at once, on the caller's
     * connection (the policy's transaction): when its breaker closes or it is re-enabled, what waited goes now
     * and oldest first, not at the end of a backoff planned while it was down.
     *
     * <p>Only the rows that were put off (a retry, a probe) are written: the others are due since they were
     * recorded. A backlog of a day is thus not rewritten row by row in the transaction that closes the
     * breaker — on H2, 100,000 such rows outlasted the statement timeout, and the breaker never closed.
     *
     * @return how many were put back
     */
    public int pendingDueNow(Connection c, Long webhookId, String brokerName) throws SQLException {
        String sql = "UPDATE action_triggers_delivery SET due_at = created_at"
                + " WHERE state = 'PENDING' AND due_at <> created_at AND "
                + (webhookId != null ? "webhook_id = ?" : "broker_name = ?");
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bindDestination(ps, 1, webhookId, brokerName);
            return ps.executeUpdate();
        }
    }

    /** Inserts a delivery on the caller's connection: the policy's alerts, in the transaction that decided them. */
    public void insert(Connection c, PendingDelivery d) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(DeliveryTable.INSERT)) {
            Sql.bind(ps, DeliveryTable.COLUMNS, DeliveryTable.values(d));
            ps.executeUpdate();
        }
    }

    /** The HTTP status of the last attempt of each delivery that has one, on the caller's connection. */
    public Map<String, Integer> lastStatuses(Connection c, Collection<String> ids) throws SQLException {
        Map<String, Integer> statuses = new HashMap<>();
        if (ids.isEmpty()) {
            return statuses;
        }
        String sql = "SELECT id, last_status FROM action_triggers_delivery WHERE last_status IS NOT NULL AND id IN ("
                + String.join(",", Collections.nCopies(ids.size(), "?")) + ")";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            for (String id : ids) {
                ps.setString(i++, id);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    statuses.put(rs.getString(1), rs.getInt(2));
                }
            }
        }
        return statuses;
    }

    /** How many deliveries of a webhook are in flight under a running lease, on the caller's connection. */
    public int inFlight(Connection c, long webhookId, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM action_triggers_delivery"
                + " WHERE webhook_id = ? AND state = 'IN_FLIGHT' AND due_at > ?")) {
            ps.setLong(1, webhookId);
            ps.setObject(2, Sql.utc(now));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /**
     * Makes a delivery whose round just ended wait again as if that round had not been: pending, with its
     * earlier count of failed rounds, due at {@code dueAt}. For the probe of an open breaker and the delivery
     * that met {@code 410 Gone}: the destination failed, not the delivery, so it is kept, not burned.
     */
    public void keepWaiting(Connection c, String id, int failedRounds, Instant dueAt) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE action_triggers_delivery SET state = 'PENDING',"
                + " failed_rounds = ?, due_at = ?, completed_at = NULL WHERE id = ? AND state <> 'IN_FLIGHT'")) {
            ps.setInt(1, failedRounds);
            ps.setObject(2, Sql.utc(dueAt));
            ps.setString(3, id);
            ps.executeUpdate();
        }
    }

    private static void bindDestination(PreparedStatement ps, int index, Long webhookId, String brokerName)
            throws SQLException {
        if (webhookId != null) {
            ps.setLong(index, webhookId);
        } else {
            ps.setString(index, brokerName);
        }
    }

    /**
     * Bounds a write's wait, e.g. for a row lock held elsewhere, to {@value #WRITE_TIMEOUT_SECONDS} s. Not on
     * H2: there {@code setQueryTimeout} runs {@code SET QUERY_TIMEOUT} on the session, which stays on the pooled
     * connection for the host's next statements, and, like every {@code SET}, empties the parsed-statement
     * cache of every session. H2's own lock timeout (2 s unless the URL says otherwise) bounds the wait there.
     */
    private void limitWait(PreparedStatement ps) throws SQLException {
        Boolean sessionWide = sessionWideTimeout;
        if (sessionWide == null) {
            sessionWide = "H2".equals(ps.getConnection().getMetaData().getDatabaseProductName());
            sessionWideTimeout = sessionWide;
        }
        if (!sessionWide) {
            ps.setQueryTimeout(WRITE_TIMEOUT_SECONDS);
        }
    }
}
