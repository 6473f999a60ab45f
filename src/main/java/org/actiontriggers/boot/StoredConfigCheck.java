package org.actiontriggers.boot;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.actiontriggers.trigger.Config;
import org.actiontriggers.trigger.ConfigDraft;
import org.actiontriggers.trigger.ConfigRepository;
import org.actiontriggers.trigger.ConfigValidator;
import org.actiontriggers.trigger.Violation;

/**
 * A start-up check in the spirit of Django Action Triggers' system checks: every active config is validated
 * again under the settings in force, and each rule it now breaks is logged as a warning naming the config,
 * the field and the reason. A config valid when saved can break a rule after the settings changed (a content
 * type or endpoint taken off a whitelist, a lower max webhook timeout); the send stage still refuses what is
 * not allowed, but the admin should hear of it at start, not from failed deliveries.
 */
@ApplicationScoped
public class StoredConfigCheck {

    private static final Logger LOG = Logger.getLogger(StoredConfigCheck.class.getName());

    @Inject
    ConfigRepository configs;

    @Inject
    ConfigValidator validator;

    void check(@Observes ActionTriggersStarted started) {
        try {
            for (Config config : configs.findActiveWithChildren()) {
                List<Violation> violations = validator.validate(ConfigDraft.of(config));
                for (Violation v : violations) {
                    LOG.warning(() -> "Active config " + config.getId() + " breaks a rule under the current settings: "
                            + v.pointer() + " " + v.reason());
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not check the stored configs against the settings", e);
        }
    }
}
