package org.actiontriggers.trigger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.actiontriggers.condition.EntityFields;
import org.actiontriggers.settings.BrokerCatalog;
import org.actiontriggers.settings.TriggerSettings;
import org.actiontriggers.template.TemplateChecker;

/** Makes the one validation of trigger configs injectable, under the settings in force. */
@ApplicationScoped
public class ConfigValidatorProducer {

    @Inject
    TriggerSettings settings;

    @Inject
    BrokerCatalog brokerCatalog;

    @Produces
    @Dependent
    ConfigValidator configValidator(TemplateChecker templates) {
        return new ConfigValidator(
                settings.current(),
                settings.entityNames(),
                templates,
                brokerCatalog,
                new EntityFields(settings.entityProperties()));
    }
}
