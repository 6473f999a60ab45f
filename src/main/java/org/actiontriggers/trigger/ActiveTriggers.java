package org.actiontriggers.trigger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.actiontriggers.condition.Condition;
import org.actiontriggers.condition.InvalidConditionException;
import org.actiontriggers.settings.Settings;
import org.actiontriggers.settings.TriggerSettings;
import org.actiontriggers.template.InvalidTemplateException;
import org.actiontriggers.template.TemplateSyntax;

/**
 * The in-memory answer to "which webhooks and broker queues does this change of that entity type trigger?".
 *
 * <p>The saving transaction asks it on every persist, update and remove, so it must cost a hash lookup, not
 * a query (Django Action Triggers runs a 3-join query on every save). It is rebuilt when the config
 * revision — a counter bumped in the same transaction as any config change — moves: at once after a local
 * commit, and within {@code action-triggers.config-refresh-interval} for changes made by another instance.
 */
@ApplicationScoped
public class ActiveTriggers {

    private static final Logger LOG = Logger.getLogger(ActiveTriggers.class.getName());

    @Inject
    ConfigRepository configs;

    @Inject
    DataSource dataSource;

    @Inject
    TriggerSettings settings;

    private volatile Map<String, Map<Signal, List<TriggerTarget>>> index = Map.of();
    private volatile Set<String> previousReaders = Set.of();
    private static final long FULL_RELOAD_SECONDS = 30;

    /** The template names that read the previous state (see {@code record.PayloadRenderer}). */
    private static final Set<String> PREVIOUS_STATE = Set.of("previous", "changed_fields");

    private volatile long loadedRevision = Long.MIN_VALUE;
    private volatile long loadedAt = System.nanoTime();

    /** Whether any active config of a whitelisted type listens for this signal of this entity type. */
    public boolean isWatched(String entityType, Signal signal) {
        Map<Signal, List<TriggerTarget>> bySignal = index.get(entityType);
        return bySignal != null && bySignal.containsKey(signal);
    }

    /** Whether any active config of a whitelisted type listens for any signal of this entity type. */
    public boolean isWatched(String entityType) {
        return index.containsKey(entityType);
    }

    /**
     * Whether capture must keep the loaded state of this entity type: some active config on it reads the
     * previous state — through a condition, a template naming {@code previous} or {@code changed_fields}, or the
     * default payload, which lists the changed fields. Other watched types, and every unwatched one, keep
     * nothing: one hash lookup.
     */
    public boolean keepsPreviousStateOf(String entityType) {
        return previousReaders.contains(entityType);
    }

    /** The webhooks and broker queues to notify for this signal of this entity type; empty when none. */
    public List<TriggerTarget> matching(String entityType, Signal signal) {
        Map<Signal, List<TriggerTarget>> bySignal = index.get(entityType);
        return bySignal == null ? List.of() : bySignal.getOrDefault(signal, List.of());
    }

    /**
     * Rebuilds the index when the stored config revision differs from the one loaded, and in any case every
     * {@value #FULL_RELOAD_SECONDS} seconds: a revision bump written while its transaction was already
     * committing can become visible a moment before the config itself, and a reload in that moment would
     * otherwise keep the stale index until the next change.
     */
    public void refreshIfChanged() {
        try {
            long stored = storedRevision();
            boolean due = System.nanoTime() - loadedAt > TimeUnit.SECONDS.toNanos(FULL_RELOAD_SECONDS);
            if (stored != loadedRevision || due) {
                reload(stored);
            }
        } catch (RuntimeException | SQLException e) {
            LOG.log(Level.WARNING, "Could not refresh the active trigger configs; keeping the previous ones", e);
        }
    }

    /**
     * The config revision the index was loaded at: moves on this instance when configs changed anywhere, so
     * caches derived from configs (the webhooks' limits) know when to read again.
     */
    public long loadedRevision() {
        return loadedRevision;
    }

    /** Rebuilds the index now, whatever the revision says: after this instance committed a config change. */
    public void reloadNow() {
        try {
            reload(storedRevision());
        } catch (RuntimeException | SQLException e) {
            LOG.log(Level.WARNING, "Could not reload the active trigger configs; the periodic refresh retries", e);
        }
    }

    private synchronized void reload(long revision) {
        Map<String, Map<Signal, List<TriggerTarget>>> next = new HashMap<>();
        Set<String> readers = new HashSet<>();
        for (Config config : configs.findActiveWithChildren()) {
            JsonValue template = config.payloadTemplate();
            Condition condition;
            try {
                condition = config.parsedCondition();
            } catch (InvalidConditionException e) {
                LOG.warning(() -> "Config " + config.getId() + " has a stored condition that is refused, so it will not"
                        + " trigger until the condition is fixed: " + e.getMessage());
                continue;
            }
            for (String entityType : config.getContentTypes()) {
                if (!settings.current().isWhitelistedContentType(entityType)) {
                    LOG.warning(() -> "Config " + config.getId() + " names entity type '" + entityType
                            + "', which is not in " + Settings.WHITELISTED_CONTENT_TYPES + "; it will not trigger");
                    continue;
                }
                if (readsPreviousState(condition, template)) {
                    readers.add(entityType);
                }
                Map<Signal, List<TriggerTarget>> bySignal =
                        next.computeIfAbsent(entityType, t -> new EnumMap<>(Signal.class));
                for (ConfigSignal configSignal : config.getConfigSignals()) {
                    List<TriggerTarget> targets =
                            bySignal.computeIfAbsent(configSignal.getSignal(), s -> new ArrayList<>());
                    for (Webhook webhook : config.getWebhooks()) {
                        targets.add(TriggerTarget.of(config, template, condition, webhook));
                    }
                    for (MessageBrokerQueue queue : config.getBrokerQueues()) {
                        targets.add(TriggerTarget.of(config, template, condition, queue));
                    }
                }
            }
        }
        next.values().forEach(bySignal -> bySignal.replaceAll((signal, targets) -> List.copyOf(targets)));
        index = Map.copyOf(next);
        previousReaders = Set.copyOf(readers);
        loadedRevision = revision;
        loadedAt = System.nanoTime();
        LOG.fine(() -> "Loaded active trigger configs at revision " + revision);
    }

    /** Whether a config reads the entity's previous state; see {@link #keepsPreviousStateOf}. */
    static boolean readsPreviousState(Condition condition, JsonValue template) {
        return condition != null
                || template == null
                || template.getValueType() == JsonValue.ValueType.NULL
                || namesPreviousState(template);
    }

    private static boolean namesPreviousState(JsonValue template) {
        switch (template.getValueType()) {
            case STRING -> {
                try {
                    return TemplateSyntax.parse(((JsonString) template).getString()).paths().stream()
                            .anyMatch(path -> PREVIOUS_STATE.contains(path.split("\\.", 2)[0]));
                } catch (InvalidTemplateException refused) {
                    return false; // it never renders, so it reads nothing
                }
            }
            case OBJECT -> {
                return template.asJsonObject().values().stream().anyMatch(ActiveTriggers::namesPreviousState);
            }
            case ARRAY -> {
                return template.asJsonArray().stream().anyMatch(ActiveTriggers::namesPreviousState);
            }
            default -> {
                return false;
            }
        }
    }

    private long storedRevision() throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("SELECT revision FROM action_triggers_config_revision WHERE id = 1");
                ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }
}
