package org.actiontriggers.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.actiontriggers.boot.SchemaMigrator;
import org.actiontriggers.trigger.BrokerQueueDestination;
import org.actiontriggers.trigger.Destination;
import org.actiontriggers.trigger.HttpMethod;
import org.actiontriggers.trigger.WebhookDestination;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The figure reads on a real H2 database migrated by the real migrations: each destination sees only its own
 * attempts, success is a 2xx or a broker's answer without error, and the windows nest.
 */
class DestinationFiguresTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private static final WebhookDestination HOOK =
            new WebhookDestination(7, HttpMethod.POST, "https://receiver.example/7", Map.of(), null);
    private static final WebhookDestination OTHER =
            new WebhookDestination(8, HttpMethod.POST, "https://receiver.example/8", Map.of(), null);
    private static final BrokerQueueDestination RABBIT =
            new BrokerQueueDestination(3, "rabbit", Map.of(), Map.of("queue", "q"), null);

    private JdbcDataSource dataSource;
    private DestinationFigures figures;

    @BeforeEach
    void migratedDatabase() {
        dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:figures-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        SchemaMigrator.configuration(dataSource).load().migrate();
        figures = new DestinationFigures();
        figures.dataSource = dataSource;
    }

    @Test
    void aWebhooksFiguresCountItsOwnAttemptsPerWindow() throws SQLException {
        delivery("d1", HOOK);
        attempt("d1", NOW.minusSeconds(30), 200, null, 40, "ok");
        attempt("d1", NOW.minus(Duration.ofMinutes(90)), 503, null, 900, "down");
        attempt("d1", NOW.minus(Duration.ofDays(3)), null, "timeout", 10_000, null);
        delivery("d2", OTHER);
        attempt("d2", NOW.minusSeconds(10), 500, null, 5, "other");

        Map<FigureWindow, Figures> of = figures.of(DestinationRef.webhook(7), NOW);

        assertThat(of.get(FigureWindow.HOUR).succeeded()).isEqualTo(1);
        assertThat(of.get(FigureWindow.HOUR).failed()).isZero();
        assertThat(of.get(FigureWindow.DAY).volume()).isEqualTo(2);
        assertThat(of.get(FigureWindow.DAY).successRate()).isEqualTo(0.5);
        assertThat(of.get(FigureWindow.WEEK).failed()).isEqualTo(2);
        assertThat(of.get(FigureWindow.WEEK).p99Millis()).isEqualTo(10_000);
        assertThat(of.get(FigureWindow.WEEK).truncated()).isFalse();
    }

    @Test
    void theLastFailuresAreNewestFirstWithTheirResponses() throws SQLException {
        delivery("d1", HOOK);
        attempt("d1", NOW.minusSeconds(50), 503, null, 10, "first");
        attempt("d1", NOW.minusSeconds(20), 302, null, 10, "a redirect is no success");
        attempt("d1", NOW.minusSeconds(10), 204, null, 10, "");

        List<DestinationFigures.FailedAttempt> failures = figures.lastFailures(DestinationRef.webhook(7), 10);

        assertThat(failures)
                .extracting(f -> f.attempt().getResponseBody())
                .containsExactly("a redirect is no success", "first");
        assertThat(failures).allMatch(f -> f.deliveryId().equals("d1"));
        assertThat(figures.lastFailures(DestinationRef.webhook(7), 1)).hasSize(1);
    }

    @Test
    void aBrokerIsOneDestinationAndTheOverviewListsEveryDestinationAttempted() throws SQLException {
        delivery("b1", RABBIT);
        attempt("b1", NOW.minusSeconds(5), null, null, 3, null);
        attempt("b1", NOW.minusSeconds(4), null, "connection", 3, null);
        delivery("d1", HOOK);
        attempt("d1", NOW.minusSeconds(3), 200, null, 3, null);

        assertThat(figures.of(DestinationRef.broker("rabbit"), NOW)
                        .get(FigureWindow.HOUR)
                        .successRate())
                .isEqualTo(0.5);
        Map<DestinationRef, Figures> all = figures.all(FigureWindow.DAY, NOW);
        assertThat(all).containsOnlyKeys(DestinationRef.broker("rabbit"), DestinationRef.webhook(7));
        assertThat(all.get(DestinationRef.webhook(7)).succeeded()).isEqualTo(1);
    }

    private void delivery(String id, Destination destination) throws SQLException {
        PendingDelivery d = new PendingDelivery(
                id,
                1,
                "Sale",
                "1",
                "post_save",
                "create",
                destination,
                "{}",
                "application/json",
                NOW.minus(Duration.ofDays(4)),
                null,
                false);
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(DeliveryTable.INSERT)) {
            Sql.bind(ps, DeliveryTable.COLUMNS, DeliveryTable.values(d));
            ps.executeUpdate();
        }
    }

    private void attempt(String deliveryId, Instant at, Integer status, String errorKind, long millis, String body)
            throws SQLException {
        AttemptRecord a =
                new AttemptRecord(deliveryId, at, "x", status, errorKind, errorKind, Duration.ofMillis(millis), body);
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(AttemptTable.INSERT)) {
            Sql.bind(ps, AttemptTable.INSERTED, AttemptTable.values(a));
            ps.executeUpdate();
        }
    }
}
