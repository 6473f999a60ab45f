package org.actiontriggers.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * An upgrade keeps the data: a database created at schema version 1, with configs, deliveries and attempts
 * in it, is migrated to the latest version exactly as start-up does it, and every row is still there. Runs
 * against the database of the build ({@code it.database}: in-memory H2, or a scratch PostgreSQL database).
 */
class SchemaMigrationIT {

    private static final String[] TABLES = {
        "action_triggers_config",
        "action_triggers_config_content_type",
        "action_triggers_config_signal",
        "action_triggers_webhook",
        "action_triggers_config_revision",
        "action_triggers_delivery",
        "action_triggers_attempt"
    };

    @Test
    void aVersionOneDatabaseWithRowsMigratesToTheLatestWithoutLosingAny() throws SQLException {
        DataSource db = scratchDatabase();
        SchemaMigrator.configuration(db).target("1").load().migrate();
        try (Connection c = db.getConnection();
                Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO action_triggers_config (id, payload, active, created_on, created_by, version)"
                    + " VALUES (1, '{\"quantity\":\"{{ quantity }}\"}', TRUE, TIMESTAMP WITH TIME ZONE"
                    + " '2026-01-02 03:04:05+00', 'ops', 0)");
            s.executeUpdate("INSERT INTO action_triggers_config_content_type VALUES (1, 'Sale')");
            s.executeUpdate(
                    "INSERT INTO action_triggers_config_signal (id, config_id, signal) VALUES (1, 1, 'post_save')");
            s.executeUpdate(
                    "INSERT INTO action_triggers_webhook (id, config_id, url, http_method, headers, timeout_secs)"
                            + " VALUES (1, 1, 'https://example.com/hook', 'POST', '{}', 2.5)");
            s.executeUpdate("UPDATE action_triggers_config_revision SET revision = 7 WHERE id = 1");
            insertDelivery(s, "d-pending", "PENDING", null, null);
            insertDelivery(s, "d-done", "SUCCEEDED", "'2026-01-02 03:04:06+00'", "'unchanged body'");
            insertDelivery(s, "d-unrendered", "FAILED", null, null);
            s.executeUpdate("INSERT INTO action_triggers_attempt (delivery_id, attempted_at, url, status_code,"
                    + " latency_millis, response_body) VALUES ('d-done', TIMESTAMP WITH TIME ZONE"
                    + " '2026-01-02 03:04:06+00', 'https://example.com/hook', 200, 12, 'ok')");
        }
        Map<String, Integer> before = rowCounts(db);

        MigrateResult result = SchemaMigrator.configuration(db).load().migrate();

        MigrationInfo current = SchemaMigrator.configuration(db).load().info().current();
        assertThat(result.migrationsExecuted).as("migrations after version 1").isGreaterThanOrEqualTo(1);
        assertThat(current.getVersion().getVersion()).isNotEqualTo("1");
        assertThat(rowCounts(db)).isEqualTo(before);
        try (Connection c = db.getConnection();
                Statement s = c.createStatement()) {
            assertThat(single(s, "SELECT body FROM action_triggers_delivery WHERE id = 'd-done'"))
                    .isEqualTo("unchanged body");
            assertThat(single(s, "SELECT revision FROM action_triggers_config_revision"))
                    .isEqualTo("7");
            assertThat(single(s, "SELECT COUNT(*) FROM action_triggers_config WHERE ordered = FALSE"))
                    .as("existing configs stay unordered")
                    .isEqualTo("1");
            assertThat(single(s, "SELECT COUNT(*) FROM action_triggers_delivery WHERE ordered = FALSE"))
                    .isEqualTo("3");
            assertThat(single(
                            s,
                            "SELECT COUNT(*) FROM action_triggers_delivery WHERE id = 'd-unrendered'"
                                    + " AND completed_at = created_at"))
                    .as("a delivery that failed when recorded gets a completion time, so retention can expire it")
                    .isEqualTo("1");
        }
    }

    private static void insertDelivery(Statement s, String id, String state, String completedAt, String body)
            throws SQLException {
        s.executeUpdate("INSERT INTO action_triggers_delivery (id, config_id, webhook_id, entity_type, entity_id,"
                + " signal, operation, http_method, url, headers, body, content_type, state, attempts, failed_rounds,"
                + " due_at, created_at, completed_at) VALUES ('" + id + "', 1, 1, 'Sale', '42', 'post_save', 'create',"
                + " 'POST', 'https://example.com/hook', '{}', " + (body == null ? "NULL" : body)
                + ", 'application/json', '" + state + "', 0, 0, TIMESTAMP WITH TIME ZONE '2026-01-02 03:04:05+00',"
                + " TIMESTAMP WITH TIME ZONE '2026-01-02 03:04:05+00', "
                + (completedAt == null ? "NULL" : "TIMESTAMP WITH TIME ZONE " + completedAt) + ")");
    }

    private static Map<String, Integer> rowCounts(DataSource db) throws SQLException {
        Map<String, Integer> counts = new LinkedHashMap<>();
        try (Connection c = db.getConnection();
                Statement s = c.createStatement()) {
            for (String table : TABLES) {
                counts.put(table, Integer.parseInt(single(s, "SELECT COUNT(*) FROM " + table)));
            }
        }
        return counts;
    }

    private static String single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            assertThat(rs.next()).as(sql).isTrue();
            return rs.getString(1);
        }
    }

    /** An empty database of the kind the build tests: H2 in memory, or a PostgreSQL database made afresh. */
    private static DataSource scratchDatabase() throws SQLException {
        String url = System.getProperty("it.jdbc.url", "");
        if (url.isBlank()) {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL("jdbc:h2:mem:migration-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
            return h2;
        }
        PGSimpleDataSource admin = new PGSimpleDataSource();
        admin.setURL(url);
        String name = admin.getDatabaseName() + "_migration";
        admin.setDatabaseName("postgres");
        try (Connection c = admin.getConnection();
                Statement s = c.createStatement()) {
            s.executeUpdate("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            s.executeUpdate("CREATE DATABASE " + name);
        }
        PGSimpleDataSource scratch = new PGSimpleDataSource();
        scratch.setURL(url);
        scratch.setDatabaseName(name);
        return scratch;
    }
}
