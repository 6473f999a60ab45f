package org.actiontriggers.boot;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * Creates and upgrades this application's own tables ({@code action_triggers_*}) with versioned Flyway
 * migrations from {@code db/action-triggers}, so that an upgrade keeps the outbox and the configs. The SQL
 * runs unchanged on H2 and PostgreSQL. The history table has its own name, out of the way of an
 * application that uses Flyway itself.
 */
@ApplicationScoped
public class SchemaMigrator {

    @Inject
    DataSource dataSource;

    public void migrate() {
        configuration(dataSource).load().migrate();
    }

    /**
     * How our tables are migrated, in one place, so that the migration test upgrades a database exactly as
     * start-up does.
     */
    public static FluentConfiguration configuration(DataSource dataSource) {
        return Flyway.configure(SchemaMigrator.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/action-triggers")
                .table("action_triggers_schema_history")
                .baselineOnMigrate(true)
                .baselineVersion("0");
    }
}
