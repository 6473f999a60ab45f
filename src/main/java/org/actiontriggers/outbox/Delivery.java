package org.actiontriggers.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.ExcludeDefaultListeners;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The outbox row of one event for one webhook or broker queue, read through JPA for queries; written only through
 * {@link DeliveryRepository}.
 */
@Entity
@Table(name = "action_triggers_delivery")
@ExcludeDefaultListeners
public class Delivery {

    @Id
    private String id;

    @Column(name = "config_id")
    private long configId;

    @Column(name = "webhook_id")
    private Long webhookId;

    @Column(name = "kind")
    private String kind;

    @Column(name = "broker_queue_id")
    private Long brokerQueueId;

    @Column(name = "broker_name")
    private String brokerName;

    @Column(name = "entity_type")
    private String entityType;

    @Column(name = "entity_id")
    private String entityId;

    @Column(name = "signal")
    private String signal;

    @Column(name = "operation")
    private String operation;

    @Column(name = "http_method")
    private String httpMethod;

    @Column(name = "url")
    private String url;

    @Column(name = "body")
    private String body;

    @Column(name = "content_type")
    private String contentType;

    @Enumerated(EnumType.STRING)
    @Column(name = "state")
    private DeliveryState state;

    @Column(name = "attempts")
    private int attempts;

    @Column(name = "failed_rounds")
    private int failedRounds;

    @Column(name = "due_at")
    private OffsetDateTime dueAt;

    @Column(name = "created_at")
    private OffsetDateTime createdAt;

    @Column(name = "completed_at")
    private OffsetDateTime completedAt;

    @Column(name = "last_status")
    private Integer lastStatus;

    @Column(name = "last_error")
    private String lastError;

    @OneToMany(mappedBy = "delivery")
    @OrderBy("attemptedAt, id")
    private List<Attempt> attemptLog;

    protected Delivery() {}

    public String getId() {
        return id;
    }

    public long getConfigId() {
        return configId;
    }

    /** The webhook, or {@code null} for a broker message. */
    public Long getWebhookId() {
        return webhookId;
    }

    /** {@code WEBHOOK} or {@code BROKER}. */
    public String getKind() {
        return kind;
    }

    /** The broker queue, or {@code null} for a webhook request. */
    public Long getBrokerQueueId() {
        return brokerQueueId;
    }

    /** The broker's name in the settings, or {@code null} for a webhook request. */
    public String getBrokerName() {
        return brokerName;
    }

    public String getEntityType() {
        return entityType;
    }

    public String getEntityId() {
        return entityId;
    }

    public String getSignal() {
        return signal;
    }

    public String getOperation() {
        return operation;
    }

    public String getHttpMethod() {
        return httpMethod;
    }

    public String getUrl() {
        return url;
    }

    public String getBody() {
        return body;
    }

    public String getContentType() {
        return contentType;
    }

    public DeliveryState getState() {
        return state;
    }

    public int getAttempts() {
        return attempts;
    }

    public int getFailedRounds() {
        return failedRounds;
    }

    public OffsetDateTime getDueAt() {
        return dueAt;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    public OffsetDateTime getCompletedAt() {
        return completedAt;
    }

    public Integer getLastStatus() {
        return lastStatus;
    }

    public String getLastError() {
        return lastError;
    }

    public List<Attempt> getAttemptLog() {
        return attemptLog;
    }
}
