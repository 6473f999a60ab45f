package org.actiontriggers.deliver.broker;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Logger;
import org.actiontriggers.deliver.DeliveryChannel;
import org.actiontriggers.deliver.DeliveryOutcome;
import org.actiontriggers.deliver.DynamicValueException;
import org.actiontriggers.deliver.DynamicValueResolver;
import org.actiontriggers.outbox.AttemptRecord;
import org.actiontriggers.outbox.ClaimedDelivery;
import org.actiontriggers.settings.BrokerDefinition;
import org.actiontriggers.settings.Settings;
import org.actiontriggers.settings.TriggerSettings;
import org.actiontriggers.trigger.BrokerQueueDestination;

/**
 * The channel of broker queue deliveries: one round of a claimed broker message, the counterpart of {@code WebhookDelivery}: the broker
 * definition is looked up in the settings in force, the queue's overrides are laid over it with their
 * dynamic values resolved just now (never stored or logged), and the message is published with the
 * delivery's stable id. The outcome feeds the same retry schedule and dead letter as a webhook's.
 */
@ApplicationScoped
public class BrokerDelivery implements DeliveryChannel<BrokerQueueDestination> {

    private static final Logger LOG = Logger.getLogger(BrokerDelivery.class.getName());

    @Inject
    TriggerSettings settings;

    @Inject
    DynamicValueResolver dynamicValues;

    @Inject
    BrokerPublisher publisher;

    @Override
    public Class<BrokerQueueDestination> destinationType() {
        return BrokerQueueDestination.class;
    }

    @Override
    public DeliveryOutcome deliver(ClaimedDelivery delivery, BrokerQueueDestination queue) {
        Settings current = settings.current();
        Optional<BrokerDefinition> broker = current.broker(queue.brokerName());
        if (broker.isEmpty()) {
            return failed(
                    delivery,
                    "broker '" + queue.brokerName() + "' is not defined in " + Settings.BROKERS + " any more");
        }
        Optional<BrokerType> type = BrokerType.parse(broker.get().type());
        if (type.isEmpty()) {
            return failed(delivery, "broker '" + queue.brokerName() + "' has an unknown type");
        }
        Map<String, String> conn;
        Map<String, String> parameters;
        try {
            conn = broker.get().connWith(resolve(queue.connDetails()));
            parameters = broker.get().paramsWith(resolve(queue.parameters()));
        } catch (DynamicValueException e) {
            LOG.warning(() -> "Delivery " + delivery.id() + " not sent: " + e.getMessage());
            return e.isPermanent()
                    ? DeliveryOutcome.failed(e.getMessage())
                    : DeliveryOutcome.retryable(e.getMessage(), null);
        }
        BrokerMessage message = new BrokerMessage(
                delivery.id(),
                delivery.signal(),
                delivery.entityType(),
                delivery.entityId(),
                delivery.contentType(),
                delivery.body() == null ? new byte[0] : delivery.body().getBytes(StandardCharsets.UTF_8),
                Map.copyOf(parameters),
                current.effectiveBrokerTimeout(queue.timeoutSecs()));
        List<AttemptRecord> attempts = new CopyOnWriteArrayList<>();
        return publish(delivery, queue, type.get(), conn, message, attempts).withAttempts(attempts);
    }

    private DeliveryOutcome publish(
            ClaimedDelivery delivery,
            BrokerQueueDestination queue,
            BrokerType type,
            Map<String, String> conn,
            BrokerMessage message,
            List<AttemptRecord> attempts) {
        try {
            publisher.publish(queue.brokerName(), queue.address(), type, conn, message, attempts);
            return DeliveryOutcome.succeeded();
        } catch (BrokerRefusedException e) {
            LOG.warning(() -> "Delivery " + delivery.id() + " refused: " + e.getMessage());
            return DeliveryOutcome.failed(e.getMessage());
        } catch (BrokerException e) {
            return e.retryable()
                    ? DeliveryOutcome.retryable(e.getMessage(), null)
                    : DeliveryOutcome.failed(e.getMessage());
        }
    }

    private Map<String, String> resolve(Map<String, String> templates) throws DynamicValueException {
        Map<String, String> resolved = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : templates.entrySet()) {
            resolved.put(entry.getKey(), dynamicValues.resolve(entry.getValue()));
        }
        return resolved;
    }

    private static DeliveryOutcome failed(ClaimedDelivery delivery, String reason) {
        LOG.warning(() -> "Delivery " + delivery.id() + " not sent: " + reason);
        return DeliveryOutcome.failed(reason);
    }
}
