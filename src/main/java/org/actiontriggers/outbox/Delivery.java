package org.actiontriggers.outbox;

import java.time.OffsetDateTime;
import java.util.List;
import org.actiontriggers.trigger.Destination;
import org.actiontriggers.trigger.HttpMethod;
import org.actiontriggers.trigger.WebhookDestination;

/**
 * The outbox row of one event for one destination, as the delivery log and the search read it (through
 * {@link DeliveryTable}); written only through {@link DeliveryRepository}. Getters rather than record
 * accessors, because the console's Faces pages read it through Expression Language.
 */
public final class Delivery {

    private final String id;
    private final long configId;
    private final Destination destination;
    private final String entityType;
    private final String entityId;
    private final String signal;
    private final String operation;
    private final String body;
    private final String contentType;
    private final DeliveryState state;
    private final int attempts;
    private final int failedRounds;
    private final OffsetDateTime dueAt;
    private final OffsetDateTime createdAt;
    private final OffsetDateTime completedAt;
    private final Integer lastStatus;
    private final String lastError;
    private final boolean ordered;
    private final List<Attempt> attemptLog;

    Delivery(
            String id,
            long configId,
            Destination destination,
            String entityType,
            String entityId,
            String signal,
            String operation,
            String body,
            String contentType,
            DeliveryState state,
            int attempts,
            int failedRounds,
            OffsetDateTime dueAt,
            OffsetDateTime createdAt,
            OffsetDateTime completedAt,
            Integer lastStatus,
            String lastError,
            boolean ordered,
            List<Attempt> attemptLog) {
        this.id = id;
        this.configId = configId;
        this.destination = destination;
        this.entityType = entityType;
        this.entityId = entityId;
        this.signal = signal;
        this.operation = operation;
        this.body = body;
        this.contentType = contentType;
        this.state = state;
        this.attempts = attempts;
        this.failedRounds = failedRounds;
        this.dueAt = dueAt;
        this.createdAt = createdAt;
        this.completedAt = completedAt;
        this.lastStatus = lastStatus;
        this.lastError = lastError;
        this.ordered = ordered;
        this.attemptLog = List.copyOf(attemptLog);
    }

    /** The same delivery with its attempts, oldest first. */
    Delivery withAttempts(List<Attempt> attempts) {
        return new Delivery(
                id,
                configId,
                destination,
                entityType,
                entityId,
                signal,
                operation,
                body,
                contentType,
                state,
                this.attempts,
                failedRounds,
                dueAt,
                createdAt,
                completedAt,
                lastStatus,
                lastError,
                ordered,
                attempts);
    }

    public String getId() {
        return id;
    }

    public long getConfigId() {
        return configId;
    }

    /** The webhook or broker queue it goes to. */
    public Destination getDestination() {
        return destination;
    }

    /** The webhook, or {@code null} for another kind of destination; the console links to its log. */
    public Long getWebhookId() {
        return destination instanceof WebhookDestination webhook ? webhook.webhookId() : null;
    }

    /** The webhook's method, or {@code null} for another kind of destination; the console shows it. */
    public HttpMethod getHttpMethod() {
        return destination instanceof WebhookDestination webhook ? webhook.httpMethod() : null;
    }

    /** Where it goes as the logs show it: the webhook's URL, or {@code broker:<name>}. */
    public String getUrl() {
        return destination.address();
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

    /** Whether later deliveries of the same destination and entity wait for this one. */
    public boolean isOrdered() {
        return ordered;
    }

    /**
     * Every attempt, oldest first, when read through {@link DeliveryLog#find}; lists and searches do not load
     * them and leave this empty ({@link #getAttempts()} counts them in any case).
     */
    public List<Attempt> getAttemptLog() {
        return attemptLog;
    }
}
