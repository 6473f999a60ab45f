package org.actiontriggers.outbox;

import java.util.Objects;
import org.actiontriggers.trigger.BrokerQueueDestination;
import org.actiontriggers.trigger.WebhookDestination;

/**
 * The unit of health: a webhook (by id), or a message broker (by its name in settings, whatever queue of it a
 * delivery goes to). Its outbox rows are those with this kind and this {@code webhook_id} or
 * {@code broker_name}.
 *
 * @param kind {@link WebhookDestination#KIND} or {@link BrokerQueueDestination#KIND}
 * @param id the webhook's id as text, or the broker's name
 */
public record DestinationRef(String kind, String id) {

    public DestinationRef {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(id);
        if (!kind.equals(WebhookDestination.KIND) && !kind.equals(BrokerQueueDestination.KIND)) {
            throw new IllegalArgumentException("unknown destination kind '" + kind + "'");
        }
    }

    public static DestinationRef webhook(long webhookId) {
        return new DestinationRef(WebhookDestination.KIND, Long.toString(webhookId));
    }

    public static DestinationRef broker(String name) {
        return new DestinationRef(BrokerQueueDestination.KIND, name);
    }

    public boolean isWebhook() {
        return kind.equals(WebhookDestination.KIND);
    }

    /** The webhook's id; only for a webhook. */
    public long webhookId() {
        return Long.parseLong(id);
    }

    /** {@code webhook:12} or {@code broker:it-rabbit}: the text form the policy's table and the API use. */
    public String key() {
        return (isWebhook() ? "webhook:" : "broker:") + id;
    }

    /** {@code webhook 12} or {@code broker it-rabbit}: how logs and pages name it. */
    public String describe() {
        return (isWebhook() ? "webhook " : "broker ") + id;
    }

    /** The SQL condition on a delivery row {@code d} that selects this destination, with one parameter. */
    String predicate() {
        return isWebhook() ? "d.kind = 'WEBHOOK' AND d.webhook_id = ?" : "d.kind = 'BROKER' AND d.broker_name = ?";
    }

    Object parameter() {
        return isWebhook() ? (Object) webhookId() : id;
    }
}
