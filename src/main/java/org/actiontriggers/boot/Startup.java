package org.actiontriggers.boot;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.actiontriggers.secret.SigningSecrets;
import org.actiontriggers.settings.Settings;
import org.actiontriggers.settings.TriggerSettings;
import org.actiontriggers.trigger.ActiveTriggers;

/**
 * Brings Action Triggers up when the application starts ({@link StartupListener}), in order: validate settings
 * (a malformed one fails the deployment, naming the key), check that the datasource is JTA-enlisted, migrate the
 * schema, give older webhooks a signing secret, load the active configs, keep them fresh, then announce {@link
 * ActionTriggersStarted}.
 */
@ApplicationScoped
public class Startup {

    private static final Logger LOG = Logger.getLogger(Startup.class.getName());

    @Inject
    TriggerSettings settings;

    @Inject
    SchemaMigrator schema;

    @Inject
    ActiveTriggers activeTriggers;

    @Inject
    SigningSecrets signingSecrets;

    @Inject
    Event<ActionTriggersStarted> started;

    @Inject
    DataSourceProducer dataSources;

    @Inject
    DataSource dataSource;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private ScheduledFuture<?> refresh;

    void start() {
        Settings current = settings.load();
        dataSources.requireJta(dataSource);
        schema.migrate();
        signingSecrets.generateMissing();
        activeTriggers.refreshIfChanged();
        long every = current.configRefreshInterval().toMillis();
        refresh =
                scheduler.scheduleWithFixedDelay(activeTriggers::refreshIfChanged, every, every, TimeUnit.MILLISECONDS);
        started.fire(new ActionTriggersStarted(current));
        LOG.info("Action Triggers started");
    }

    @PreDestroy
    void stop() {
        if (refresh != null) {
            refresh.cancel(false);
        }
    }
}
