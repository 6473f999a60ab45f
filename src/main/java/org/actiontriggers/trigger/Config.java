package org.actiontriggers.trigger;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.actiontriggers.condition.Condition;
import org.actiontriggers.condition.ConditionParser;
import org.actiontriggers.condition.InvalidConditionException;
import org.actiontriggers.template.InvalidTemplateException;
import org.actiontriggers.template.TemplateValidator;

/**
 * A trigger: which entity types it watches, which payload it sends, and — through its {@link Webhook}s,
 * {@link MessageBrokerQueue}s and {@link ConfigSignal}s — where and on which signals.
 *
 * <p>Mirrors Django Action Triggers' {@code Config}. The payload template is kept as JSON text: a JSON
 * object whose string values are templates, or a JSON string holding one text template, or nothing (the
 * entity's own fields are sent). A plain object: {@link ConfigRepository} saves it with its children, and a
 * saved change takes effect as soon as the transaction commits, on every instance ({@link ConfigRevision}).
 * Children are listed in id order, as stored.
 */
public class Config {

    /** Resolved once: every {@code Json.create…} call looks the provider up again through the class loader. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private Long id;
    private String payload;
    private String condition;
    private boolean active = true;
    private final Set<String> contentTypes = new LinkedHashSet<>();
    private final List<Webhook> webhooks = new ArrayList<>();
    private final List<MessageBrokerQueue> brokerQueues = new ArrayList<>();
    private final List<ConfigSignal> configSignals = new ArrayList<>();
    private boolean ordered;
    private OffsetDateTime createdOn;
    private String createdBy;

    /** Bumped by every update of the config's row; an update of a copy loaded before another one is refused. */
    private long version;

    public Config() {}

    /** A JSON-object payload whose string values are templates; see the seed page's step 2. */
    public Config(JsonObject payload, boolean active, Collection<String> contentTypes) {
        setPayload(payload);
        this.active = active;
        this.contentTypes.addAll(contentTypes);
    }

    /**
     * Stamps the creation time and refuses a new or changed payload template that is more than value
     * references, whatever code path saves the config ({@link ConfigRepository} calls it before every write);
     * callers that want the message first ask {@link TemplateValidator}. Only a changed template is checked,
     * so that a bad one already stored can still be turned off.
     *
     * A new or changed condition is parsed likewise, and refused when it breaks the condition language.
     *
     * @param storedPayload the payload as stored now, {@code null} for a new config
     * @param storedCondition the condition as stored now, {@code null} for a new config
     * @throws InvalidTemplateException naming each refused template string and why
     * @throws InvalidConditionException naming each problem of the condition
     */
    void beforeWrite(String storedPayload, String storedCondition) {
        if (createdOn == null) {
            createdOn = OffsetDateTime.now(ZoneOffset.UTC);
        }
        if (!Objects.equals(condition, storedCondition)) {
            ConditionParser.parse(condition);
        }
        if (Objects.equals(payload, storedPayload)) {
            return;
        }
        List<String> problems = new TemplateValidator().problems(payloadTemplate());
        if (!problems.isEmpty()) {
            throw new InvalidTemplateException("the payload template is refused: " + String.join("; ", problems));
        }
    }

    /** {@code null} until the config is saved. */
    public Long getId() {
        return id;
    }

    void setId(Long id) {
        this.id = id;
    }

    /** The payload template as JSON text, or {@code null} when the entity's fields are sent. */
    public String getPayload() {
        return payload;
    }

    /** The payload template as a JSON value: an object, a string (one text template), or {@code null}. */
    public JsonValue payloadTemplate() {
        return jsonOf(payload);
    }

    /** Sets a JSON payload template (an object) or a text template (a JSON string); {@code null} clears it. */
    public void setPayload(JsonValue template) {
        this.payload = textOf(template);
    }

    /** Sets one text template, sent as {@code text/plain}. */
    public void setTextPayload(String template) {
        setPayload(template == null ? null : JSON.createValue(template));
    }

    /** The text template, when the payload is one; otherwise {@code null}. */
    public String textPayload() {
        return payloadTemplate() instanceof JsonString text ? text.getString() : null;
    }

    /** The condition as JSON text, or {@code null} when every change fires the config. */
    public String getCondition() {
        return condition;
    }

    /** The condition as JSON, or {@code null} for none. */
    public JsonValue conditionJson() {
        return jsonOf(condition);
    }

    /**
     * The condition parsed, or {@code null} for none.
     *
     * @throws InvalidConditionException when the stored text breaks the condition language
     */
    public Condition parsedCondition() {
        return ConditionParser.parse(condition);
    }

    /** Sets the condition (a JSON object in the condition language); {@code null} or JSON null clears it. */
    public void setCondition(JsonValue condition) {
        this.condition = textOf(condition);
    }

    /** A stored JSON column as a value; {@code null} for none. */
    private static JsonValue jsonOf(String stored) {
        if (stored == null || stored.isBlank()) {
            return null;
        }
        try (var reader = JSON.createReader(new StringReader(stored))) {
            return reader.readValue();
        }
    }

    /** A value as its stored JSON text; {@code null} and JSON null store nothing. */
    private static String textOf(JsonValue value) {
        return value == null || value.getValueType() == JsonValue.ValueType.NULL ? null : value.toString();
    }

    /** Sets the condition text as stored, without parsing it. */
    void setStoredCondition(String condition) {
        this.condition = condition;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }

    /**
     * Whether each webhook must receive the events of one entity in the order they were recorded: a
     * delivery waits while an older one of the same webhook and entity is unfinished. Costs throughput and
     * lets one failing event hold back the later ones of its entity until it succeeds or is given up.
     */
    public boolean isOrdered() {
        return ordered;
    }

    public void setOrdered(boolean ordered) {
        this.ordered = ordered;
    }

    /** Entity names (e.g. {@code Sale}) this config watches; each must be whitelisted to trigger. */
    public Set<String> getContentTypes() {
        return contentTypes;
    }

    public List<Webhook> getWebhooks() {
        return webhooks;
    }

    /** Adds a webhook and links it to this config. */
    public Config addWebhook(Webhook webhook) {
        webhook.setConfig(this);
        webhooks.add(webhook);
        return this;
    }

    /** The message broker queues the payload is published to, besides the webhooks. */
    public List<MessageBrokerQueue> getBrokerQueues() {
        return brokerQueues;
    }

    /** Adds a message broker queue and links it to this config. */
    public Config addBrokerQueue(MessageBrokerQueue queue) {
        queue.setConfig(this);
        brokerQueues.add(queue);
        return this;
    }

    public List<ConfigSignal> getConfigSignals() {
        return configSignals;
    }

    /** Adds a signal and links it to this config. */
    public Config addSignal(Signal signal) {
        configSignals.add(new ConfigSignal(this, signal));
        return this;
    }

    public OffsetDateTime getCreatedOn() {
        return createdOn;
    }

    void setCreatedOn(OffsetDateTime createdOn) {
        this.createdOn = createdOn;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public void setCreatedBy(String createdBy) {
        this.createdBy = createdBy;
    }

    public long getVersion() {
        return version;
    }

    void setVersion(long version) {
        this.version = version;
    }

    /** Sets the payload text as stored, without parsing it: a stored template is shown even when it is refused. */
    void setStoredPayload(String payload) {
        this.payload = payload;
    }

    /** Adds a stored signal, as the row mapper reads it. */
    void attach(ConfigSignal signal) {
        signal.setConfig(this);
        configSignals.add(signal);
    }
}
