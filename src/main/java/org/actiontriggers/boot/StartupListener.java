package org.actiontriggers.boot;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * Starts Action Triggers with the web application. A servlet listener rather than an observer of the
 * application scope's initialisation: in a library jar under {@code WEB-INF/lib}, Payara creates the beans
 * such an observer touches outside the web module's naming context, so their {@code @Resource} and
 * {@code @PersistenceContext} fields cannot be injected; a listener runs inside it on every server. An
 * exception here stops the deployment, naming the setting at fault.
 */
@WebListener
public class StartupListener implements ServletContextListener {

    @Inject
    Startup startup;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        startup.start();
    }
}
