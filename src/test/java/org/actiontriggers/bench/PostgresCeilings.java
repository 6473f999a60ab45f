package org.actiontriggers.bench;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * What PostgreSQL alone sustains on this machine, measured with plain JDBC from the driver's process in the
 * bench's own database: the reference the engine's PostgreSQL figures are compared with. Its tables ({@value
 * #DELIVERY}, {@value #SALE}) have the outbox's and the demo sale's shape, and are dropped afterwards.
 */
final class PostgresCeilings {

    static final String DELIVERY = "bench_ceiling_delivery";
    static final String SALE = "bench_ceiling_sale";
    /** Rows per claim, as the reference loop claimed them. */
    static final int CLAIM = 100;

    private static final String BODY_SQL =
            "'{\"id\":' || g || ',\"customer_name\":\"Ann O''Brien\",\"product_name\":\"Widget\",\"quantity\":1}'";

    private final String url;
    private final Properties credentials = new Properties();

    PostgresCeilings(String url, String user) {
        this.url = url;
        credentials.setProperty("user", user);
    }

    /**
     * Rows/s of {@code workers} threads, each on its own connection, claiming and updating a backlog of {@code
     * rows} due rows until none is left. One transaction per claim: {@code SELECT id … WHERE state = 'PENDING'
     * AND due_at <= now ORDER BY due_at LIMIT 100 FOR UPDATE SKIP LOCKED}, then the claimed rows marked
     * delivered (state, attempts, completed_at, last_status) — {@code perRow}: one {@code UPDATE … WHERE id = ?}
     * per row, as a loop that finishes each delivery on its own does (the loop behind issue 15's reference
     * figures); else one {@code UPDATE … WHERE id = ANY(?)} for all of them — then commit.
     */
    double claimAndUpdate(int rows, int workers, boolean perRow) throws Exception {
        createTables();
        try (Connection c = connect();
                PreparedStatement fill = c.prepareStatement("INSERT INTO " + DELIVERY
                        + " (id, config_id, webhook_id, entity_type, entity_id, signal, operation, http_method, url,"
                        + " headers, timeout_secs, body, content_type, state, attempts, failed_rounds, due_at,"
                        + " created_at) SELECT gen_random_uuid()::text, 1, 1, 'Sale', g::text, 'POST_SAVE', 'INSERT',"
                        + " 'POST', 'http://127.0.0.1:1/hooks/sale', '{}', 5, " + BODY_SQL + ", 'application/json',"
                        + " 'PENDING', 0, 0, now() - interval '1 second' + g * interval '1 microsecond', now()"
                        + " FROM generate_series(1, ?) g");
                Statement s = c.createStatement()) {
            fill.setInt(1, rows);
            fill.executeUpdate();
            s.execute("VACUUM ANALYZE " + DELIVERY);
        }
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        CountDownLatch ready = new CountDownLatch(workers);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> done = new ArrayList<>();
        try {
            for (int w = 0; w < workers; w++) {
                done.add(pool.submit(() -> claimUntilEmpty(ready, go, perRow)));
            }
            ready.await(60, TimeUnit.SECONDS);
            long t0 = System.nanoTime();
            go.countDown();
            int updated = 0;
            for (Future<Integer> f : done) {
                updated += f.get(30, TimeUnit.MINUTES);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            if (updated != rows) {
                throw new IllegalStateException("the ceiling loop updated " + updated + " of " + rows + " rows");
            }
            return rows / seconds;
        } finally {
            pool.shutdownNow();
        }
    }

    private int claimUntilEmpty(CountDownLatch ready, CountDownLatch go, boolean perRow) throws Exception {
        String set = "UPDATE " + DELIVERY + " SET state = 'SUCCEEDED', attempts = attempts + 1, claimed_by = NULL,"
                + " completed_at = ?, last_status = 200";
        try (Connection c = connect();
                PreparedStatement claim = c.prepareStatement("SELECT id FROM " + DELIVERY
                        + " WHERE state = 'PENDING' AND due_at <= ? ORDER BY due_at LIMIT " + CLAIM
                        + " FOR UPDATE SKIP LOCKED");
                PreparedStatement update =
                        c.prepareStatement(set + (perRow ? " WHERE id = ?" : " WHERE id = ANY (?)"))) {
            c.setAutoCommit(false);
            ready.countDown();
            go.await();
            int total = 0;
            List<String> ids = new ArrayList<>(CLAIM);
            while (true) {
                ids.clear();
                OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
                claim.setObject(1, now);
                try (ResultSet rs = claim.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                }
                if (ids.isEmpty()) {
                    c.commit();
                    return total;
                }
                update.setObject(1, now);
                if (perRow) {
                    for (String id : ids) {
                        update.setString(2, id);
                        total += update.executeUpdate();
                    }
                } else {
                    Array array = c.createArrayOf("varchar", ids.toArray());
                    update.setArray(2, array);
                    total += update.executeUpdate();
                    array.free();
                }
                c.commit();
            }
        }
    }

    /**
     * Transactions/s of one thread committing, each, one sale-shaped insert and one outbox-shaped insert: the
     * least a saving transaction with one matching webhook writes.
     */
    double commits(int n) throws Exception {
        createTables();
        try (Connection c = connect();
                PreparedStatement sale = c.prepareStatement(
                        "INSERT INTO " + SALE + " (customer_id, product_id, quantity) VALUES (1, 1, 1) RETURNING id");
                PreparedStatement outbox = c.prepareStatement("INSERT INTO " + DELIVERY
                        + " (id, config_id, webhook_id, entity_type, entity_id, signal, operation, http_method, url,"
                        + " headers, timeout_secs, body, content_type, state, attempts, failed_rounds, due_at,"
                        + " created_at) VALUES (?, 1, 1, 'Sale', ?, 'POST_SAVE', 'INSERT', 'POST',"
                        + " 'http://127.0.0.1:1/hooks/sale', '{}', 5, ?, 'application/json', 'PENDING', 0, 0, ?, ?)")) {
            c.setAutoCommit(false);
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                long id;
                try (ResultSet rs = sale.executeQuery()) {
                    rs.next();
                    id = rs.getLong(1);
                }
                OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
                outbox.setString(1, UUID.randomUUID().toString());
                outbox.setString(2, Long.toString(id));
                outbox.setString(
                        3,
                        "{\"id\":" + id
                                + ",\"customer_name\":\"Ann O'Brien\",\"product_name\":\"Widget\",\"quantity\":1}");
                outbox.setObject(4, now);
                outbox.setObject(5, now);
                outbox.executeUpdate();
                c.commit();
            }
            return n / ((System.nanoTime() - t0) / 1e9);
        }
    }

    /** Drops the reference tables. */
    void dropTables() throws SQLException {
        try (Connection c = connect();
                Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + DELIVERY);
            s.execute("DROP TABLE IF EXISTS " + SALE);
        }
    }

    /** Fresh tables: the outbox's columns, primary key and due index (schema V1), and the demo's sale. */
    private void createTables() throws SQLException {
        dropTables();
        try (Connection c = connect();
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + DELIVERY + " (id VARCHAR(36) PRIMARY KEY, config_id BIGINT NOT NULL,"
                    + " webhook_id BIGINT NOT NULL, entity_type VARCHAR(255) NOT NULL, entity_id VARCHAR(255),"
                    + " signal VARCHAR(20) NOT NULL, operation VARCHAR(10) NOT NULL, http_method VARCHAR(10) NOT NULL,"
                    + " url VARCHAR(2048) NOT NULL, headers VARCHAR(65536), timeout_secs DOUBLE PRECISION,"
                    + " body VARCHAR(1048576), content_type VARCHAR(100), state VARCHAR(20) NOT NULL,"
                    + " attempts INT NOT NULL, failed_rounds INT NOT NULL, due_at TIMESTAMP WITH TIME ZONE NOT NULL,"
                    + " claimed_by VARCHAR(100), created_at TIMESTAMP WITH TIME ZONE NOT NULL,"
                    + " completed_at TIMESTAMP WITH TIME ZONE, last_status INT, last_error VARCHAR(2000))");
            s.execute("CREATE INDEX " + DELIVERY + "_due ON " + DELIVERY + " (state, due_at)");
            s.execute("CREATE TABLE " + SALE + " (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
                    + " customer_id BIGINT NOT NULL, product_id BIGINT NOT NULL, quantity INT NOT NULL)");
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url, credentials);
    }
}
