package org.actiontriggers.boot;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.actiontriggers.settings.Settings;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The JTA DataSource through which all of Action Triggers' tables are read and written with plain JDBC —
 * there is no persistence unit of ours, which would make a host's unnamed {@code @PersistenceContext}
 * ambiguous. Inside a transaction its connections are enlisted in it, so our rows commit with the caller's.
 *
 * <p>Looked up by global JNDI name rather than injected with {@code @Resource(lookup = …)}: servers resolve a
 * relative name differently (Payara globally, WildFly in {@code java:module/env}), so the name is a setting
 * whose default is what {@code persistence.xml} names and the Payara Micro set-up binds.
 */
@ApplicationScoped
public class DataSourceProducer {

    /** Default: the {@code jta-data-source} of {@code persistence.xml}, as the Payara Micro set-up binds it. */
    public static final String JNDI_NAME = "jdbc/action-triggers";

    public static final String JNDI_NAME_KEY = Settings.PREFIX + "datasource";

    @Produces
    @ApplicationScoped
    DataSource dataSource() throws NamingException {
        String name = ConfigProvider.getConfig()
                .getOptionalValue(JNDI_NAME_KEY, String.class)
                .orElse(JNDI_NAME);
        return (DataSource) new InitialContext().lookup(name);
    }
}
