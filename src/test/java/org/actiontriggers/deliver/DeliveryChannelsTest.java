package org.actiontriggers.deliver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.actiontriggers.outbox.ClaimedDelivery;
import org.actiontriggers.trigger.BrokerQueueDestination;
import org.actiontriggers.trigger.Destination;
import org.actiontriggers.trigger.HttpMethod;
import org.actiontriggers.trigger.WebhookDestination;
import org.junit.jupiter.api.Test;

/** Every kind of destination has exactly one channel, and a delivery reaches the channel of its kind. */
class DeliveryChannelsTest {

    @Test
    void everyKindOfDestinationHasExactlyOneChannelInTheMainCode() {
        List<Type> served = new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("org.actiontriggers")
                        .stream()
                        .filter(c -> c.isAssignableTo(DeliveryChannel.class) && !c.isInterface())
                        .map(JavaClass::reflect)
                        .flatMap(c -> Arrays.stream(c.getGenericInterfaces()))
                        .filter(t -> t instanceof ParameterizedType p && p.getRawType() == DeliveryChannel.class)
                        .map(t -> ((ParameterizedType) t).getActualTypeArguments()[0])
                        .toList();
        assertThat(served).containsExactlyInAnyOrder((Type[]) Destination.class.getPermittedSubclasses());
    }

    @Test
    void aDeliveryGoesToTheChannelOfItsKind() {
        DeliveryChannels channels = new DeliveryChannels();
        channels.use(List.of(
                new Answering<>(WebhookDestination.class, "webhook"),
                new Answering<>(BrokerQueueDestination.class, "broker")));

        assertThat(channels.deliver(claimed(
                                new WebhookDestination(1, HttpMethod.POST, "https://a.example", Map.of(), null)))
                        .reason())
                .isEqualTo("webhook");
        assertThat(channels.deliver(claimed(new BrokerQueueDestination(2, "q", Map.of(), Map.of(), null)))
                        .reason())
                .isEqualTo("broker");
    }

    @Test
    void aKindWithoutChannelIsNamedAtOnce() {
        List<DeliveryChannel<?>> onlyWebhooks = List.of(new Answering<>(WebhookDestination.class, "webhook"));
        assertThatThrownBy(() -> new DeliveryChannels().use(onlyWebhooks))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("BrokerQueueDestination");
    }

    private static ClaimedDelivery claimed(Destination destination) {
        return new ClaimedDelivery(
                "id", destination, "{}", "application/json", Instant.now(), 0, false, "post_save", "Sale", "1");
    }

    /** A channel that reports which one it is as the failure reason. */
    private record Answering<D extends Destination>(Class<D> destinationType, String name)
            implements DeliveryChannel<D> {
        @Override
        public DeliveryOutcome deliver(ClaimedDelivery delivery, D destination) {
            return DeliveryOutcome.failed(name);
        }
    }
}
