package org.actiontriggers.trigger;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.ExcludeDefaultListeners;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.io.StringReader;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.actiontriggers.template.InvalidTemplateException;
import org.actiontriggers.template.TemplateValidator;

/**
 * A trigger: which entity types it watches, which payload it sends, and — through its {@link Webhook}s,
 * {@link MessageBrokerQueue}s and {@link ConfigSignal}s — where and on which signals.
 *
 * <p>Mirrors Django Action Triggers' {@code Config}. The payload template is kept as JSON text: a JSON
 * object whose string values are templates, or a JSON string holding one text template, or nothing (the
 * entity's own fields are sent). Saving a Config, Webhook or ConfigSignal takes effect as soon as the
 * transaction commits, on every instance ({@link ConfigChangeListener}).
 */
@Entity
@Table(name = "action_triggers_config")
@ExcludeDefaultListeners
@EntityListeners(ConfigChangeListener.class)
public class Config {

    @Id
    @SequenceGenerator(name = "config_seq", sequenceName = "action_triggers_config_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "config_seq")
    private Long id;

    @Column(name = "payload", length = 1_048_576)
    private String payload;

    @Column(name = "active", nullable = false)
    private boolean active = true;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "action_triggers_config_content_type", joinColumns = @JoinColumn(name = "config_id"))
    @Column(name = "content_type", nullable = false)
    private Set<String> contentTypes = new LinkedHashSet<>();

    @OneToMany(mappedBy = "config", cascade = jakarta.persistence.CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    private List<Webhook> webhooks = new ArrayList<>();

    @OneToMany(mappedBy = "config", cascade = jakarta.persistence.CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    private List<MessageBrokerQueue> brokerQueues = new ArrayList<>();

    @OneToMany(mappedBy = "config", cascade = jakarta.persistence.CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    private List<ConfigSignal> configSignals = new ArrayList<>();

    @Column(name = "ordered", nullable = false)
    private boolean ordered;

    @Column(name = "created_on", nullable = false)
    private OffsetDateTime createdOn;

    @Column(name = "created_by")
    private String createdBy;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    /** The payload as loaded, so that only a changed template is checked (a stored bad one can still be turned off). */
    @Transient
    private String loadedPayload;

    public Config() {}

    /** A JSON-object payload whose string values are templates; see the seed page's step 2. */
    public Config(JsonObject payload, boolean active, Collection<String> contentTypes) {
        setPayload(payload);
        this.active = active;
        this.contentTypes.addAll(contentTypes);
    }

    @PostLoad
    void rememberLoadedPayload() {
        loadedPayload = payload;
    }

    /**
     * Stamps the creation time and refuses a new or changed payload template that is more than value
     * references, whatever code path saves the config; callers that want the message first ask {@link
     * TemplateValidator}.
     *
     * @throws InvalidTemplateException naming each refused template string and why
     */
    @PrePersist
    @PreUpdate
    void beforeWrite() {
        if (createdOn == null) {
            createdOn = OffsetDateTime.now(ZoneOffset.UTC);
        }
        if (Objects.equals(payload, loadedPayload)) {
            return;
        }
        List<String> problems = new TemplateValidator().problems(payloadTemplate());
        if (!problems.isEmpty()) {
            throw new InvalidTemplateException("the payload template is refused: " + String.join("; ", problems));
        }
    }

    public Long getId() {
        return id;
    }

    /** The payload template as JSON text, or {@code null} when the entity's fields are sent. */
    public String getPayload() {
        return payload;
    }

    /** The payload template as a JSON value: an object, a string (one text template), or {@code null}. */
    public JsonValue payloadTemplate() {
        if (payload == null || payload.isBlank()) {
            return null;
        }
        try (var reader = Json.createReader(new StringReader(payload))) {
            return reader.readValue();
        }
    }

    /** Sets a JSON payload template (an object) or a text template (a JSON string); {@code null} clears it. */
    public void setPayload(JsonValue template) {
        this.payload =
                template == null || template.getValueType() == JsonValue.ValueType.NULL ? null : template.toString();
    }

    /** Sets one text template, sent as {@code text/plain}. */
    public void setTextPayload(String template) {
        setPayload(template == null ? null : Json.createValue(template));
    }

    /** The text template, when the payload is one; otherwise {@code null}. */
    public String textPayload() {
        return payloadTemplate() instanceof JsonString text ? text.getString() : null;
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

    public String getCreatedBy() {
        return createdBy;
    }

    public void setCreatedBy(String createdBy) {
        this.createdBy = createdBy;
    }

    public long getVersion() {
        return version;
    }
}
