package org.actiontriggers.trigger;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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

/**
 * Makes a change of the trigger tables take effect when its transaction commits, on every instance.
 *
 * <p>{@link ConfigRepository} calls {@link #bump} in the changing transaction, on its own connection: the
 * config revision — a counter other instances poll ({@link ActiveTriggers#refreshIfChanged}) — moves with the
 * change, or not at all if it rolls back. After the commit this instance's {@link ActiveTriggers} is
 * reloaded before the committing thread returns, so code that saves a config and then an entity sees the
 * trigger fire — as the seed page's steps promise. The after-commit hook is an interposed JTA
 * synchronization, the portable one (CDI {@code AFTER_SUCCESS} observers lose events on WildFly).
 */
@ApplicationScoped
public class ConfigRevision {

    private static final Logger LOG = Logger.getLogger(ConfigRevision.class.getName());
    private static final Object TX_KEY = ConfigRevision.class.getName() + ".registered";

    @Inject
    ActiveTriggers activeTriggers;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Resource
    ManagedExecutorService executor;

    /** Bumps the revision once per transaction and reloads this instance's triggers after the commit. */
    void bump(Connection connection) throws SQLException {
        if (transactions.getTransactionKey() == null) {
            increment(connection);
            reloadAfterCommit();
            return;
        }
        if (transactions.getResource(TX_KEY) != null) {
            return;
        }
        transactions.putResource(TX_KEY, Boolean.TRUE);
        increment(connection);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    reloadAfterCommit();
                }
            }
        });
    }

    static void increment(Connection connection) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "UPDATE action_triggers_config_revision SET revision = revision + 1 WHERE id = 1")) {
            ps.executeUpdate();
        }
    }

    /** Runs the reload on another thread: this one is finishing a transaction and must not start one. */
    void reloadAfterCommit() {
        try {
            executor.submit(activeTriggers::reloadNow).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.log(Level.WARNING, "Config refresh after commit did not finish; the periodic refresh will retry", e);
        }
    }
}
