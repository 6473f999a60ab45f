package org.actiontriggers.deliver;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.actiontriggers.outbox.ClaimedDelivery;
import org.actiontriggers.trigger.Destination;

/** Hands a claimed delivery to the channel of its destination's kind. */
@ApplicationScoped
public class DeliveryChannels {

    @Inject
    @Any
    Instance<DeliveryChannel<?>> beans;

    private Map<Class<?>, DeliveryChannel<?>> byKind;

    @PostConstruct
    void collect() {
        use(beans.stream().toList());
    }

    /** Routes to these channels: one per permitted kind, or an error naming what is missing or doubled. */
    void use(List<DeliveryChannel<?>> channels) {
        byKind = index(channels);
    }

    /** Runs one round through the channel of the delivery's destination. */
    public DeliveryOutcome deliver(ClaimedDelivery delivery) {
        return send(channelFor(delivery.destination()), delivery);
    }

    private DeliveryChannel<?> channelFor(Destination destination) {
        DeliveryChannel<?> channel = byKind.get(destination.getClass());
        if (channel == null) {
            throw new IllegalStateException(
                    "no delivery channel for " + destination.getClass().getSimpleName());
        }
        return channel;
    }

    private static <D extends Destination> DeliveryOutcome send(DeliveryChannel<D> channel, ClaimedDelivery delivery) {
        return channel.deliver(delivery, channel.destinationType().cast(delivery.destination()));
    }

    private static Map<Class<?>, DeliveryChannel<?>> index(List<DeliveryChannel<?>> channels) {
        Map<Class<?>, DeliveryChannel<?>> index = new HashMap<>();
        for (DeliveryChannel<?> channel : channels) {
            if (index.put(channel.destinationType(), channel) != null) {
                throw new IllegalStateException(
                        "two delivery channels for " + channel.destinationType().getSimpleName());
            }
        }
        List<String> missing = Arrays.stream(Destination.class.getPermittedSubclasses())
                .filter(kind -> !index.containsKey(kind))
                .map(Class::getSimpleName)
                .toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("no delivery channel for " + String.join(", ", missing));
        }
        return Map.copyOf(index);
    }
}
