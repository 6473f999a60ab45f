package org.actiontriggers.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import javax.sql.DataSource;
import org.actiontriggers.boot.SchemaMigrator;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the outbox's statements cost with a backlog, on a real H2 database migrated by the real migrations: a
 * destination's backlog must not be rewritten, nor read whole, by statements that run per claim or in the
 * transaction that closes its breaker.
 */
class DeliveryRepositoryTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private static final int BACKLOG = 5_000;

    private JdbcDataSource dataSource;
    private DeliveryRepository outbox;

    @BeforeEach
    void migratedDatabaseWithABacklog() throws SQLException {
        dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:outbox-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        SchemaMigrator.configuration(dataSource).load().migrate();
        outbox = new DeliveryRepository();
        outbox.dataSource = dataSource;
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("INSERT INTO action_triggers_delivery (id, config_id,"
                        + " webhook_id, kind, entity_type, signal, operation, http_method, url, state, attempts,"
                        + " failed_rounds, due_at, created_at) VALUES (?, 1, 7, 'WEBHOOK', 'Sale', 'post_save',"
                        + " 'create', 'POST', 'http://x', 'PENDING', 0, 0, ?, ?)")) {
            for (int i = 0; i < BACKLOG; i++) {
                Instant created = NOW.minusSeconds(BACKLOG - i);
                ps.setString(1, "d-" + i);
                // the first three were tried and put off: a retry's backoff, the open breaker's probe
                ps.setObject(2, Sql.utc(i < 3 ? NOW.plusSeconds(600) : created));
                ps.setObject(3, Sql.utc(created));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    @Test
    void puttingADestinationsWaitingDeliveriesDueWritesOnlyThoseThatWerePutOff() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            assertThat(outbox.pendingDueNow(c, 7L, null)).isEqualTo(3);
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("SELECT COUNT(*) FROM action_triggers_delivery WHERE due_at <> created_at");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            assertThat(rs.getInt(1)).isZero();
        }
    }

    @Test
    void theClaimLocksItsChosenRowsByIdOnly() {
        String lock = DeliveryRepository.lockChosen(2);
        assertThat(lock.substring(lock.indexOf(" WHERE "))).isEqualTo(" WHERE d.id IN (?,?) FOR UPDATE SKIP LOCKED");
    }

    @Test
    void aLockedRowIsClaimedOnlyWhenItIsStillDue() throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "UPDATE action_triggers_delivery SET state = ?," + " due_at = ? WHERE id = ?")) {
            update(ps, "SUCCEEDED", NOW.minusSeconds(1), "d-10");
            update(ps, "IN_FLIGHT", NOW.plusSeconds(60), "d-11");
            update(ps, "IN_FLIGHT", NOW.minusSeconds(1), "d-12");
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(DeliveryRepository.lockChosen(5))) {
            for (int i = 1; i <= 5; i++) {
                ps.setString(i, "d-" + (8 + i));
            }
            List<String> due = new java.util.ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Delivery row = DeliveryTable.read(rs);
                    if (DeliveryRepository.stillDue(row, NOW)) {
                        due.add(row.getId());
                    }
                }
            }
            // d-9 and d-13 pending and due, d-12 in flight past its lease; d-10 finished, d-11 leased
            assertThat(due).containsExactlyInAnyOrder("d-9", "d-12", "d-13");
        }
    }

    private static void update(PreparedStatement ps, String state, Instant dueAt, String id) throws SQLException {
        ps.setString(1, state);
        ps.setObject(2, Sql.utc(dueAt));
        ps.setString(3, id);
        ps.executeUpdate();
    }

    @Test
    void aClaimTakesTheOldestDueRowsInTheirOrder() {
        ClaimedBatch batch = outbox.claimDue("me", NOW, java.time.Duration.ofMinutes(1), 10, true, "", ClaimStep.ALL);

        List<String> ids = batch.claimed().stream().map(ClaimedDelivery::id).toList();
        assertThat(ids).containsExactly("d-3", "d-4", "d-5", "d-6", "d-7", "d-8", "d-9", "d-10", "d-11", "d-12");
        assertThat(batch.moreDue()).isTrue();
    }

    @Test
    void onlyASweepsClaimTakesBackRowsWhoseLeaseRanOut() throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("UPDATE action_triggers_delivery SET state = ?, due_at = ? WHERE id = ?")) {
            // all but d-4 finished, d-4 in flight past its lease
            ps.setString(1, "SUCCEEDED");
            ps.setObject(2, Sql.utc(NOW.minusSeconds(1)));
            for (int i = 0; i < BACKLOG; i++) {
                ps.setString(3, "d-" + i);
                ps.addBatch();
            }
            ps.executeBatch();
            update(ps, "IN_FLIGHT", NOW.minusSeconds(1), "d-4");
        }
        java.time.Duration lease = java.time.Duration.ofMinutes(1);

        assertThat(outbox.claimDue("me", NOW, lease, 10, false, "", ClaimStep.ALL)
                        .claimed())
                .isEmpty();
        assertThat(outbox.claimDue("me", NOW, lease, 10, true, "", ClaimStep.ALL)
                        .claimed())
                .extracting(ClaimedDelivery::id)
                .containsExactly("d-4");
    }

    @Test
    void onH2AWriteLeavesTheSessionsQueryTimeoutAsItFoundIt() throws SQLException {
        try (Connection shared = dataSource.getConnection()) {
            // the pool's one connection, as the host's next statement would get it back
            Connection kept = (Connection) Proxy.newProxyInstance(
                    Connection.class.getClassLoader(),
                    new Class<?>[] {Connection.class},
                    (proxy, method, args) -> method.getName().equals("close") ? null : method.invoke(shared, args));
            outbox.dataSource = (DataSource) Proxy.newProxyInstance(
                    DataSource.class.getClassLoader(),
                    new Class<?>[] {DataSource.class},
                    (proxy, method, args) ->
                            method.getName().equals("getConnection") ? kept : method.invoke(dataSource, args));

            assertThat(outbox.release("me", List.of("d-5"), NOW, ReleaseStep.NONE))
                    .isZero();

            try (Statement next = shared.createStatement()) {
                assertThat(next.getQueryTimeout()).isZero();
            }
        }
    }
}
