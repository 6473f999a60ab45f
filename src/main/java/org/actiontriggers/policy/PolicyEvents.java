package org.actiontriggers.policy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.actiontriggers.outbox.DeliveryIds;
import org.actiontriggers.outbox.DeliveryRepository;
import org.actiontriggers.outbox.PendingDelivery;
import org.actiontriggers.settings.PolicySettings;
import org.actiontriggers.settings.TriggerSettings;
import org.actiontriggers.trigger.HttpMethod;
import org.actiontriggers.trigger.WebhookDestination;

/**
 * Where the policy's operational events go: the server log, a count per type and destination (for the
 * metrics), and — when {@code action-triggers.alerts.url} is set — the operator webhook, as an outbox row
 * inserted on the caller's connection, so the alert commits with the decision that raised it or not at all,
 * and is sent, signed and retried like any delivery. The alert rows of one destination are ordered, so they
 * arrive in the order they happened.
 */
@ApplicationScoped
public class PolicyEvents {

    /** Resolved once: every {@code Json.create…} call looks the provider up again through the class loader. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private static final Logger LOG = Logger.getLogger(PolicyEvents.class.getName());

    /** The {@code entity_type} of alert deliveries in the delivery log; their {@code entity_id} is the destination. */
    public static final String ALERT = "action-triggers.alert";

    @Inject
    TriggerSettings settings;

    @Inject
    DeliveryRepository outbox;

    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();

    /** Logs, counts and (when configured) sends the event to the operator webhook, on the caller's connection. */
    void record(Connection c, PolicyEvent event) throws SQLException {
        Level level = switch (event.type()) {
            case BREAKER_CLOSED, RE_ENABLED -> Level.INFO;
            default -> Level.WARNING;
        };
        LOG.log(
                level,
                () -> "Destination " + event.destination() + ": " + event.type().eventName()
                        + (event.type().percent() > 0 && event.type().percent() < 100
                                ? " (" + event.type().percent() + " % of the disable period)"
                                : "")
                        + (event.deliveryId() == null ? "" : ", delivery " + event.deliveryId())
                        + (event.detail() == null ? "" : ": " + event.detail()));
        counts.computeIfAbsent(countKey(event.type().eventName(), event.destination()), k -> new AtomicLong())
                .incrementAndGet();
        PolicySettings policy = settings.current().policy();
        if (!policy.alerts()) {
            return;
        }
        String body = document(event).build().toString();
        outbox.insert(
                c,
                new PendingDelivery(
                        DeliveryIds.next(),
                        0,
                        ALERT,
                        event.destination().toString(),
                        "alert",
                        "alert",
                        new WebhookDestination(
                                WebhookDestination.OPERATOR_WEBHOOK_ID,
                                HttpMethod.POST,
                                policy.alertsUrl(),
                                Map.of(),
                                null),
                        body,
                        "application/json",
                        event.at(),
                        null,
                        true));
    }

    /** How many events of a type this instance recorded for a destination since it started. */
    public long count(String eventName, DestinationKey destination) {
        AtomicLong count = counts.get(countKey(eventName, destination));
        return count == null ? 0 : count.get();
    }

    /**
     * The event as the operator webhook receives it: {@code type}, {@code timestamp} and {@code data}, the shape
     * of Standard Webhooks' examples.
     */
    static JsonObjectBuilder document(PolicyEvent event) {
        JsonObjectBuilder data = JSON.createObjectBuilder()
                .add("destination", event.destination().toString());
        if (event.destination().isWebhook()) {
            data.add("webhook_id", event.destination().webhookId());
        } else {
            data.add("broker", event.destination().brokerName());
        }
        if (event.type().percent() > 0) {
            data.add("percent", event.type().percent());
        }
        if (event.deliveryId() != null) {
            data.add("delivery_id", event.deliveryId());
        }
        if (event.detail() != null) {
            data.add("reason", event.detail());
        }
        return JSON.createObjectBuilder()
                .add("type", event.type().eventName())
                .add("timestamp", event.at().toString())
                .add("data", data);
    }

    private static String countKey(String eventName, DestinationKey destination) {
        return eventName + " " + destination;
    }
}
