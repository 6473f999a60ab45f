package org.actiontriggers.config;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import javax.sql.DataSource;

/**
 * The JTA DataSource of the {@code action-triggers} persistence unit, for the few places that must use JDBC:
 * the outbox insert inside entity callbacks (where JPA forbids the EntityManager) and the
 * {@code FOR UPDATE SKIP LOCKED} claim, which JPQL cannot express.
 */
@ApplicationScoped
public class DataSourceProducer {

    /** Same name as the {@code jta-data-source} in {@code persistence.xml}; the server defines it. */
    public static final String JNDI_NAME = "jdbc/action-triggers";

    @Produces
    @Resource(lookup = JNDI_NAME)
    private DataSource dataSource;
}
