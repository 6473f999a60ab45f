package org.actiontriggers.settings;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.persistence.metamodel.Attribute;
import jakarta.persistence.metamodel.EntityType;
import jakarta.persistence.metamodel.SingularAttribute;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.actiontriggers.secret.SecretCipher;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The application's {@link Settings}, read from MicroProfile Config once at start-up.
 *
 * <p>Environment variables override {@code META-INF/microprofile-config.properties} as MP Config defines
 * (e.g. {@code ACTION_TRIGGERS_WHITELISTED_CONTENT_TYPES}).
 */
@ApplicationScoped
public class TriggerSettings {

    private static final Logger LOG = Logger.getLogger(TriggerSettings.class.getName());

    @Inject
    ApplicationUnit applicationUnit;

    @Inject
    BrokerCatalog brokerCatalog;

    private volatile Settings current;

    /**
     * Reads and validates the settings, logging warnings.
     *
     * @throws InvalidSettingsException naming every malformed key
     */
    public Settings load() {
        var config = ConfigProvider.getConfig();
        Set<String> names = new java.util.HashSet<>();
        config.getPropertyNames().forEach(names::add);
        SettingsParser parser = new SettingsParser(
                key -> config.getOptionalValue(key, String.class), entityNames(), names, brokerCatalog);
        Settings settings = parser.parse();
        parser.warnings().forEach(w -> LOG.warning(w));
        current = settings;
        return settings;
    }

    /** The names of the application's entities, the ones a config may name as content types. */
    public Set<String> entityNames() {
        return applicationUnit.metamodel().getEntities().stream()
                .map(EntityType::getName)
                .collect(Collectors.toSet());
    }

    /**
     * The persistent properties of each entity type, for checking the field paths of a trigger's condition:
     * per entity name, per property, its kind — {@code ""} a value, {@code "*"} an embeddable (not looked
     * into), {@code "[]"} a collection, or the name of the entity a single-valued reference points to (the
     * kinds of {@code condition.EntityFields}).
     */
    public Map<String, Map<String, String>> entityProperties() {
        Map<String, Map<String, String>> byEntity = new HashMap<>();
        for (EntityType<?> entity : applicationUnit.metamodel().getEntities()) {
            Map<String, String> properties = new HashMap<>();
            for (Attribute<?, ?> attribute : entity.getAttributes()) {
                properties.put(attribute.getName(), kindOf(attribute));
            }
            byEntity.put(entity.getName(), properties);
        }
        return byEntity;
    }

    private static String kindOf(Attribute<?, ?> attribute) {
        if (attribute.isCollection()) {
            return "[]";
        }
        if (attribute.getPersistentAttributeType() == Attribute.PersistentAttributeType.EMBEDDED) {
            return "*";
        }
        if (attribute instanceof SingularAttribute<?, ?> singular
                && singular.getType() instanceof EntityType<?> target) {
            return target.getName();
        }
        return "";
    }

    /** The cipher of the signing secrets, under the settings in force. */
    @Produces
    @Dependent
    SecretCipher secretCipher() {
        return current().secretCipher();
    }

    /** The settings in force; loaded on first use if start-up has not done it yet. */
    public Settings current() {
        Settings s = current;
        return s != null ? s : load();
    }
}
