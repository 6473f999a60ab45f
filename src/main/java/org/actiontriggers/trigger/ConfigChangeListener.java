package org.actiontriggers.trigger;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Makes a change of a {@link Config}, {@link Webhook} or {@link ConfigSignal} take effect when its
 * transaction commits, on every instance.
 *
 * <p>In the changing transaction it bumps the config revision through JDBC (the EntityManager is off limits
 * in callbacks); other instances notice the new revision on their next refresh. After the commit it
 * refreshes this instance's {@link ActiveTriggers} before the committing thread returns, so code that saves
 * a config and then an entity sees the trigger fire — as the seed page's steps promise.
 */
public class ConfigChangeListener {

    private static final Logger LOG = Logger.getLogger(ConfigChangeListener.class.getName());
    private static final Object TX_KEY = ConfigChangeListener.class.getName() + ".registered";

    @Inject
    DataSource dataSource;

    @Inject
    ActiveTriggers activeTriggers;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Resource
    ManagedExecutorService executor;

    @PostPersist
    @PostUpdate
    @PostRemove
    void configChanged(Object entity) {
        if (transactions.getTransactionKey() == null) {
            bumpRevision();
            refreshAndWait();
            return;
        }
        if (transactions.getResource(TX_KEY) != null) {
            return;
        }
        transactions.putResource(TX_KEY, Boolean.TRUE);
        bumpRevision();
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    refreshAndWait();
                }
            }
        });
    }

    private void bumpRevision() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "UPDATE action_triggers_config_revision SET revision = revision + 1 WHERE id = 1")) {
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record the config change", e);
        }
    }

    /** Runs the refresh on another thread: this one is finishing a transaction and must not start one. */
    private void refreshAndWait() {
        try {
            executor.submit(activeTriggers::reloadNow).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.log(Level.WARNING, "Config refresh after commit did not finish; the periodic refresh will retry", e);
        }
    }
}
