package org.actiontriggers.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.actiontriggers.boot.SchemaMigrator;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The destination table on a real H2 database migrated by the real migrations: a row reads back as written,
 * and the claim's candidate condition leaves out exactly the blocked destinations.
 */
class DestinationStatesTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    private JdbcDataSource dataSource;
    private DestinationStates states;

    @BeforeEach
    void migratedDatabase() {
        dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:policy-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        SchemaMigrator.configuration(dataSource).load().migrate();
        states = new DestinationStates();
        states.dataSource = dataSource;
    }

    @Test
    void aRowIsCreatedOnceAndReadsBackAsWritten() throws SQLException {
        DestinationKey key = DestinationKey.webhook(4);
        states.ensure(key);
        states.ensure(key);
        try (Connection c = dataSource.getConnection()) {
            DestinationRow row = states.row(c, key, true).orElseThrow();
            assertThat(row.breaker).isEqualTo(Breaker.CLOSED);
            row.breaker = Breaker.OPEN;
            row.failedRounds = 5;
            row.failingSince = NOW.minusSeconds(60);
            row.openedAt = NOW;
            row.nextProbeAt = NOW.plusSeconds(30);
            row.probeInterval = Duration.ofSeconds(30);
            row.probeId = "d-1";
            row.lastStatus = 503;
            row.lastError = "HTTP 503";
            row.rateTokens = 0.5;
            row.tokensAt = NOW;
            states.update(c, row, NOW);
            DestinationRow read = states.row(c, key, false).orElseThrow();
            assertThat(read.breaker).isEqualTo(Breaker.OPEN);
            assertThat(read.failedRounds).isEqualTo(5);
            assertThat(read.failingSince).isEqualTo(NOW.minusSeconds(60));
            assertThat(read.nextProbeAt).isEqualTo(NOW.plusSeconds(30));
            assertThat(read.probeInterval).isEqualTo(Duration.ofSeconds(30));
            assertThat(read.probeId).isEqualTo("d-1");
            assertThat(read.lastStatus).isEqualTo(503);
            assertThat(read.rateTokens).isEqualTo(0.5);
            assertThat(states.unhealthy(c)).containsOnlyKeys(key);
            assertThat(states.rows(c)).hasSize(1);
        }
    }

    @Test
    void theCandidateConditionLeavesOutBlockedDestinationsOnly() throws SQLException {
        insertDelivery("open-not-due", 1L, null);
        insertDelivery("open-due", 2L, null);
        insertDelivery("disabled", 3L, null);
        insertDelivery("throttled", 4L, null);
        insertDelivery("healthy", 5L, null);
        insertDelivery("no-row", 6L, null);
        insertDelivery("broker-open", null, "rabbit");
        try (Connection c = dataSource.getConnection()) {
            setRow(c, DestinationKey.webhook(1), Breaker.OPEN, NOW.plusSeconds(60), null);
            setRow(c, DestinationKey.webhook(2), Breaker.OPEN, NOW.minusSeconds(1), null);
            setRow(c, DestinationKey.webhook(3), Breaker.DISABLED, null, null);
            setRow(c, DestinationKey.webhook(4), Breaker.CLOSED, null, NOW.plusSeconds(60));
            setRow(c, DestinationKey.webhook(5), Breaker.CLOSED, null, NOW.minusSeconds(60));
            setRow(c, DestinationKey.broker("rabbit"), Breaker.OPEN, NOW.plusSeconds(60), null);
            List<String> candidates = new java.util.ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT c.id FROM action_triggers_delivery c WHERE "
                            + new PolicyClaimFilter().candidateCondition() + " ORDER BY c.id");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    candidates.add(rs.getString(1));
                }
            }
            assertThat(candidates).containsExactly("healthy", "no-row", "open-due");
        }
    }

    private void setRow(Connection c, DestinationKey key, Breaker breaker, Instant nextProbe, Instant throttledUntil)
            throws SQLException {
        states.ensure(key);
        DestinationRow row = states.row(c, key, true).orElseThrow();
        row.breaker = breaker;
        row.nextProbeAt = nextProbe;
        states.update(c, row, NOW);
        if (throttledUntil != null) {
            states.throttle(c, key, throttledUntil);
        }
    }

    private void insertDelivery(String id, Long webhookId, String broker) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("INSERT INTO action_triggers_delivery (id, config_id,"
                        + " webhook_id, broker_name, kind, entity_type, signal, operation, http_method, url, state,"
                        + " attempts, failed_rounds, due_at, created_at) VALUES (?, 1, ?, ?, ?, 'Sale', 'post_save',"
                        + " 'create', 'POST', 'http://x', 'PENDING', 0, 0, ?, ?)")) {
            ps.setString(1, id);
            ps.setObject(2, webhookId);
            ps.setString(3, broker);
            ps.setString(4, webhookId == null ? "BROKER" : "WEBHOOK");
            ps.setObject(5, DestinationStates.utc(NOW));
            ps.setObject(6, DestinationStates.utc(NOW));
            ps.executeUpdate();
        }
    }
}
