package org.actiontriggers.boot;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.UserTransaction;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.actiontriggers.settings.InvalidSettingsException;
import org.actiontriggers.settings.Settings;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The host application's JTA DataSource, named by {@value #JNDI_NAME_KEY}: our tables live in the host's
 * database, and the outbox row is written through it inside the host's own transaction (the entity callbacks
 * may not use the EntityManager), which only holds when it is the datasource of the host's persistence unit.
 *
 * <p>The name is looked up as given and, when that finds nothing, as the servers resolve a persistence.xml
 * {@code jta-data-source}: WildFly under {@code java:/}, and {@code java:comp/env/}. So the value may be the
 * very text of the host's {@code jta-data-source} ({@code jdbc/Shop}) or a full name ({@code java:app/jdbc/Shop},
 * {@code java:/jdbc/Shop}). Start-up fails, naming the key, when it is missing, finds nothing, is no DataSource,
 * or is not enlisted in JTA transactions. That it is the persistence unit's very datasource cannot be checked
 * portably (providers do not expose it); the documentation says what to compare.
 */
@ApplicationScoped
public class DataSourceProducer {

    private static final Logger LOG = Logger.getLogger(DataSourceProducer.class.getName());

    public static final String JNDI_NAME_KEY = Settings.PREFIX + "datasource";

    @Resource
    UserTransaction transaction;

    /**
     * One instance, handed out as is: a {@code @Singleton}, not a normal scope, so each {@code getConnection}
     * (several per delivery) does not first pass through a CDI client proxy.
     */
    @Produces
    @Singleton
    DataSource dataSource() {
        String name = name();
        DataSource dataSource = lookup(name);
        LOG.info(() -> "Action Triggers keeps its tables in the datasource " + name);
        return dataSource;
    }

    /**
     * Refuses, at start-up, a datasource whose connections stay outside JTA transactions: inside one, an
     * enlisted connection is not in auto-commit mode, while a non-JTA one would commit our outbox rows on its
     * own, apart from the application's changes.
     *
     * @throws InvalidSettingsException naming {@value #JNDI_NAME_KEY}
     */
    public void requireJta(DataSource dataSource) {
        String name = name();
        try {
            if (transaction.getStatus() != Status.STATUS_NO_TRANSACTION) {
                return;
            }
            transaction.begin();
            try (Connection connection = dataSource.getConnection()) {
                if (connection.getAutoCommit()) {
                    throw invalid("'" + name + "' is not a JTA datasource: its connections commit on their own"
                            + " inside a transaction, so outbox rows would not commit or roll back with the"
                            + " application's changes");
                }
            } finally {
                transaction.rollback();
            }
        } catch (SQLException e) {
            throw invalid("'" + name + "' gives no connection: " + e.getMessage());
        } catch (SystemException | jakarta.transaction.NotSupportedException e) {
            throw new IllegalStateException("Could not check that " + JNDI_NAME_KEY + " is a JTA datasource", e);
        }
    }

    /** The setting's value. */
    private static String name() {
        return ConfigProvider.getConfig()
                .getOptionalValue(JNDI_NAME_KEY, String.class)
                .map(String::trim)
                .filter(n -> !n.isEmpty())
                .orElseThrow(() -> invalid("is not set: give the JNDI name of the application's JTA datasource,"
                        + " the jta-data-source of its persistence.xml (e.g. jdbc/Shop or java:app/jdbc/Shop)"));
    }

    /** The candidates' lookups in order, as the servers resolve a jta-data-source. */
    static List<String> candidates(String name) {
        List<String> names = new ArrayList<>(List.of(name));
        if (!name.startsWith("java:")) {
            names.add("java:/" + name);
            names.add("java:comp/env/" + name);
        }
        return names;
    }

    private static DataSource lookup(String name) {
        List<String> tried = candidates(name);
        for (String candidate : tried) {
            Optional<Object> found = find(candidate);
            if (found.isPresent()) {
                if (found.get() instanceof DataSource dataSource) {
                    return dataSource;
                }
                throw invalid("'" + name + "' names a " + found.get().getClass().getName() + ", not a DataSource");
            }
        }
        throw invalid("'" + name + "' names no datasource (looked up: " + String.join(", ", tried) + ")");
    }

    private static Optional<Object> find(String name) {
        try {
            return Optional.ofNullable(new InitialContext().lookup(name));
        } catch (NamingException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static InvalidSettingsException invalid(String problem) {
        return new InvalidSettingsException(List.of(JNDI_NAME_KEY + " " + problem));
    }
}
