package org.actiontriggers.record;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.metamodel.EntityType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.actiontriggers.capture.EntityChange;
import org.actiontriggers.capture.EntitySnapshot;
import org.actiontriggers.capture.EntitySnapshotter;
import org.actiontriggers.condition.Condition;
import org.actiontriggers.condition.ConditionResult;
import org.actiontriggers.condition.InvalidConditionException;
import org.actiontriggers.secret.SecretMasker;
import org.actiontriggers.settings.ApplicationUnit;
import org.actiontriggers.trigger.Config;
import org.actiontriggers.trigger.HttpMethod;
import org.actiontriggers.trigger.InvalidConfigException;
import org.actiontriggers.trigger.Signal;
import org.actiontriggers.trigger.Violation;
import org.actiontriggers.trigger.Webhook;

/**
 * Shows what a config would send for a real entity — the rendered body and each webhook's request — without
 * sending or recording anything. The entity is loaded by type and id and snapshotted exactly as a change
 * would be; header values are shown as configured, {@code {{ path }}} references unresolved and credentials
 * masked, because resolving them would put secrets into a response.
 *
 * <p>It also says whether the config's condition holds for the entity and, if not, which part failed. The
 * entity is taken as it is stored; given previous values, as if it had just changed from them, so that a
 * part that asks how a field changed ({@code changed}, {@code changed_from}, {@code changed_to}, {@code "of":
 * "previous"}) can hold. Without them such a part fails with "no previous state".
 */
@ApplicationScoped
public class PayloadPreview {

    /** The preview request's fields that a violation may point at, besides the config's own. */
    public static final String ENTITY_TYPE = "entity_type";

    public static final String ENTITY_ID = "entity_id";

    /** The optional previous values of a preview, pointed at by a violation about them. */
    public static final String PREVIOUS = "previous";

    @Inject
    ApplicationUnit applicationUnit;

    @Inject
    EntitySnapshotter snapshotter;

    @Inject
    PayloadRenderer renderer;

    /** One webhook's request as it would leave, headers masked. */
    public record WebhookRequest(String url, HttpMethod httpMethod, Map<String, String> headers) {}

    /**
     * The preview.
     *
     * @param entityId the entity's id, as text
     * @param condition whether the config's condition holds for the entity ({@link ConditionResult#FIRED} when
     *     it has none), and which part failed if not
     */
    public record Result(
            String entityType,
            String entityId,
            Signal signal,
            RenderedPayload payload,
            List<WebhookRequest> requests,
            ConditionResult condition) {

        /** Whether the trigger would fire for the entity. */
        public boolean fires() {
            return condition.fired();
        }
    }

    /**
     * Renders the config's payload for the entity as the signal would, without a previous state.
     *
     * @param signal {@code null} for the config's first signal
     * @throws InvalidConfigException pointing at {@code /entity_type}, {@code /entity_id}, {@code /signal} or
     *     {@code /payload} when the entity cannot be found or the payload cannot be rendered
     */
    @Transactional
    public Result preview(Config config, String entityType, String entityId, Signal signal) {
        return preview(config, entityType, entityId, signal, null);
    }

    /**
     * Renders the config's payload for the entity as the signal would, as if the entity had changed from a
     * previous state: the entity's own state with the given properties replaced, so that {@code previous} and
     * {@code changed_fields} can be seen in the payload.
     *
     * @param previousValues top-level properties of the previous state that differ from the current one, as
     *     plain values (strings, numbers, booleans, {@code null}); {@code null} for a preview without a previous
     *     state, which a save-signal preview then shows as an update without one
     * @throws InvalidConfigException also pointing at {@code /previous/<name>} for a name the entity does not have
     */
    @Transactional
    public Result preview(
            Config config, String entityType, String entityId, Signal signal, Map<String, Object> previousValues) {
        String type = config.getContentTypes().stream()
                .filter(t -> t.equalsIgnoreCase(entityType == null ? "" : entityType.trim()))
                .findFirst()
                .orElseThrow(() -> refused(
                        ENTITY_TYPE,
                        "must be one of the config's content types: " + String.join(", ", config.getContentTypes())));
        Signal chosen = signal;
        if (chosen == null) {
            chosen = config.getConfigSignals().isEmpty()
                    ? Signal.POST_SAVE
                    : config.getConfigSignals().get(0).getSignal();
        }
        Object entity = find(type, entityId)
                .orElseThrow(() -> refused(ENTITY_ID, "there is no " + type + " with id " + entityId));
        EntitySnapshot snapshot = snapshotter.snapshot(entity);
        EntitySnapshot previous = previousValues == null ? null : previous(snapshot.shallow(), previousValues);
        EntityChange.Operation operation = chosen == Signal.PRE_DELETE || chosen == Signal.POST_DELETE
                ? EntityChange.Operation.DELETE
                : EntityChange.Operation.UPDATE;
        Condition condition;
        try {
            condition = config.parsedCondition();
        } catch (InvalidConditionException e) {
            throw new InvalidConfigException(e.problems().stream()
                    .map(p -> new Violation(p.pointer(), p.reason()))
                    .toList());
        }
        EntityChange change = new EntityChange(chosen, operation, snapshot, previous, Instant.now());
        ConditionResult verdict = condition == null
                ? ConditionResult.FIRED
                : condition.evaluate(
                        snapshot.asTemplateModel(),
                        previous == null ? null : previous.asTemplateModel(),
                        change.changedFields());
        RenderedPayload payload;
        try {
            payload = renderer.render(config.payloadTemplate(), change);
        } catch (PayloadRenderingException e) {
            throw refused("payload", "cannot be rendered for this entity: " + e.getMessage());
        }
        List<WebhookRequest> requests = config.getWebhooks().stream()
                .map(webhook -> request(webhook, payload))
                .toList();
        return new Result(type, entityId, chosen, payload, requests, verdict);
    }

    /** The entity's state with the given properties replaced; a name it does not have is refused. */
    static EntitySnapshot previous(EntitySnapshot current, Map<String, Object> values) {
        List<Violation> unknown = values.keySet().stream()
                .filter(name -> !current.properties().containsKey(name))
                .map(name -> Violation.at("is not a property of " + current.entityType(), PREVIOUS, name))
                .toList();
        if (!unknown.isEmpty()) {
            throw new InvalidConfigException(unknown);
        }
        Map<String, Object> properties = new LinkedHashMap<>(current.properties());
        values.forEach((name, value) -> properties.put(name, likeCurrent(value, properties.get(name))));
        return new EntitySnapshot(current.entityType(), current.id(), properties, true);
    }

    /** A number given as JSON in the type the entity's own value has, so that an equal value is no change. */
    private static Object likeCurrent(Object given, Object current) {
        if (given instanceof BigDecimal number) {
            try {
                if (current instanceof Integer) {
                    return number.intValueExact();
                }
                if (current instanceof Long) {
                    return number.longValueExact();
                }
                if (current instanceof Short) {
                    return number.shortValueExact();
                }
                if (current instanceof Double) {
                    return number.doubleValue();
                }
                if (current instanceof Float) {
                    return number.floatValue();
                }
            } catch (ArithmeticException notOfThatType) {
                return number;
            }
        }
        return given;
    }

    private static WebhookRequest request(Webhook webhook, RenderedPayload payload) {
        Map<String, String> headers = new LinkedHashMap<>(SecretMasker.maskHeaders(webhook.getHeaders()));
        if (headers.keySet().stream().noneMatch(name -> name.equalsIgnoreCase("Content-Type"))) {
            headers.put("Content-Type", payload.contentType());
        }
        return new WebhookRequest(webhook.getUrl(), webhook.getHttpMethod(), headers);
    }

    private Optional<Object> find(String entityName, String id) {
        EntityType<?> type = applicationUnit.metamodel().getEntities().stream()
                .filter(e -> e.getName().equals(entityName))
                .findFirst()
                .orElseThrow(() -> refused(ENTITY_TYPE, "'" + entityName + "' is not an entity of this application"));
        Object key = key(type.getIdType().getJavaType(), id);
        try (EntityManager application = applicationUnit.createEntityManager()) {
            return Optional.ofNullable(application.find(type.getJavaType(), key));
        }
    }

    private static Object key(Class<?> idType, String id) {
        if (id == null || id.isBlank()) {
            throw refused(ENTITY_ID, "is required");
        }
        try {
            if (idType == Long.class || idType == long.class) {
                return Long.valueOf(id.trim());
            }
            if (idType == Integer.class || idType == int.class) {
                return Integer.valueOf(id.trim());
            }
            if (idType == UUID.class) {
                return UUID.fromString(id.trim());
            }
            if (idType == String.class) {
                return id;
            }
        } catch (IllegalArgumentException e) {
            throw refused(ENTITY_ID, "'" + id + "' is not a valid " + idType.getSimpleName() + " id");
        }
        throw refused(ENTITY_ID, "entities with a " + idType.getSimpleName() + " id cannot be previewed");
    }

    private static InvalidConfigException refused(String field, String reason) {
        return new InvalidConfigException(List.of(Violation.at(reason, field)));
    }
}
