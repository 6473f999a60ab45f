package org.actiontriggers.it;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.actiontriggers.demo.DemoShop;
import org.actiontriggers.demo.Sale;
import org.actiontriggers.trigger.Config;
import org.actiontriggers.trigger.ConfigRepository;

/** Test-side data access: clears the configs between tests (through the repository, so every cache hears of it). */
@ApplicationScoped
public class TestData {

    @PersistenceContext(unitName = "application")
    EntityManager application;

    @Inject
    ConfigRepository configs;

    @Transactional
    public void deleteAllConfigs() {
        for (var page = configs.page(null, null, 1, 100);
                !page.items().isEmpty();
                page = configs.page(null, null, 1, 100)) {
            page.items().stream().map(Config::getId).forEach(configs::delete);
        }
    }

    @Inject
    DemoShop shop;

    /** Thrown to roll back {@link #saleRolledBackAfterFlush}; carries the id the sale had. */
    static final class RolledBack extends RuntimeException {
        final long saleId;

        RolledBack(long saleId) {
            super(null, null, false, false);
            this.saleId = saleId;
        }
    }

    /**
     * Saves a sale and flushes it — so the INSERT and its callbacks really happen — lets the caller look
     * inside the still-open transaction, then rolls it back.
     *
     * @return the id the rolled-back sale had
     */
    public long saleRolledBackAfterFlush(long customerId, long productId, int quantity, Consumer<Sale> whileOpen) {
        try {
            self.saleThenFail(customerId, productId, quantity, whileOpen);
            throw new AssertionError("the transaction did not roll back");
        } catch (RolledBack expected) {
            return expected.saleId;
        }
    }

    @Inject
    TestData self;

    @Inject
    DataSource dataSource;

    /** Outbox rows about an entity, counted through JDBC so that the caller's open transaction sees its own. */
    public int outboxRows(String entityType, long entityId) {
        return ((Number) single(
                        "SELECT COUNT(*) FROM action_triggers_delivery WHERE entity_type = ? AND entity_id = ?",
                        entityType,
                        Long.toString(entityId)))
                .intValue();
    }

    /** Attempts on record for a delivery, counted through JDBC (the read model has no query for orphans). */
    public int attemptRows(String deliveryId) {
        return ((Number) single("SELECT COUNT(*) FROM action_triggers_attempt WHERE delivery_id = ?", deliveryId))
                .intValue();
    }

    /** A webhook's signing secret as stored, read past the entity that would decrypt it. */
    public String storedSigningSecret(long webhookId) {
        return (String) single("SELECT signing_secret FROM action_triggers_webhook WHERE id = ?", webhookId);
    }

    /** The one value the query selects, through JDBC; fails when there is no row. */
    private Object single(String sql, Object... parameters) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new AssertionError("no row for " + sql);
                }
                return rs.getObject(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Transactional
    public void saleThenFail(long customerId, long productId, int quantity, Consumer<Sale> whileOpen) {
        Sale sale = shop.addSale(customerId, productId, quantity).orElseThrow();
        application.flush();
        whileOpen.accept(sale);
        throw new RolledBack(sale.getId());
    }

    /** Saves a sale and changes it again in the same transaction, before the commit. */
    @Transactional
    public long saleChangedBeforeCommit(long customerId, long productId, int first, int second) {
        Sale sale = shop.addSale(customerId, productId, first).orElseThrow();
        sale.setQuantity(second);
        return sale.getId();
    }
}
