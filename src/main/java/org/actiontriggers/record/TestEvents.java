package org.actiontriggers.record;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.spi.JsonProvider;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;
import org.actiontriggers.outbox.DeliveryIds;
import org.actiontriggers.outbox.DeliveryRepository;
import org.actiontriggers.outbox.DestinationRef;
import org.actiontriggers.outbox.PendingDelivery;
import org.actiontriggers.trigger.ConfigService;
import org.actiontriggers.trigger.TriggerTarget;

/**
 * Sends a test event to one destination through the outbox, like any delivery: signed, retried, subject to the
 * destination's policy, and visible in the delivery log — so an operator sees whether the endpoint answers
 * without changing an entity. The body is a small fixed document, not the config's payload (there is no
 * entity to render it against); the entity type is {@value #ENTITY_TYPE} and the signal {@value #SIGNAL}.
 */
@ApplicationScoped
public class TestEvents {

    /** Resolved once: every {@code Json.create…} call looks the provider up again through the class loader. */
    private static final JsonProvider JSON = JsonProvider.provider();

    /** The entity type of a test event in the delivery log. */
    public static final String ENTITY_TYPE = "action_triggers.test";

    /** The signal (and operation) of a test event. */
    public static final String SIGNAL = "test";

    private static final Logger LOG = Logger.getLogger(TestEvents.class.getName());

    @Inject
    ConfigService configs;

    @Inject
    DeliveryRepository outbox;

    @Inject
    Event<OutboxCommitted> committed;

    /**
     * Queues a test event to the destination, as its config sends to it.
     *
     * @param requestedBy who asked, written into the body
     * @return the delivery's id, or empty when no config sends to that destination
     */
    public Optional<String> send(DestinationRef destination, String requestedBy) {
        Optional<TriggerTarget> target = destination.isWebhook()
                ? configs.webhookTarget(destination.webhookId())
                : configs.brokerTarget(destination.id());
        if (target.isEmpty()) {
            return Optional.empty();
        }
        Instant now = Instant.now();
        String id = DeliveryIds.next();
        String body = JSON.createObjectBuilder()
                .add("type", ENTITY_TYPE)
                .add("destination", destination.describe())
                .add("requested_by", requestedBy == null ? "" : requestedBy)
                .add("sent_at", now.toString())
                .build()
                .toString();
        outbox.insert(new PendingDelivery(
                id,
                target.get().configId(),
                ENTITY_TYPE,
                null,
                SIGNAL,
                SIGNAL,
                target.get().destination(),
                body,
                "application/json",
                now,
                null,
                false));
        LOG.info(() -> "Test event " + id + " queued for " + destination.describe() + " by " + requestedBy);
        committed.fire(new OutboxCommitted(1));
        return Optional.of(id);
    }
}
