package org.actiontriggers.deliver.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The broker clients are optional dependencies of the library: without them the broker types still load, and
 * each names the Maven coordinates to add; with them nothing is missing.
 */
class BrokerClientsOptionalTest {

    @Test
    void withTheClientsPresentNothingIsMissing() {
        for (BrokerType type : BrokerType.values()) {
            assertThat(type.missingClient()).as(type.value()).isEmpty();
        }
    }

    @Test
    void theCoordinatesNameGroupArtifactAndTheVersionThisBuildUses() {
        assertThat(BrokerType.RABBITMQ.coordinates()).matches("com\\.rabbitmq:amqp-client:\\d+\\.\\d+\\.\\d+");
        assertThat(BrokerType.KAFKA.coordinates()).matches("org\\.apache\\.kafka:kafka-clients:\\d+\\.\\d+\\.\\d+");
        assertThat(BrokerType.MQTT.coordinates())
                .matches("org\\.eclipse\\.paho:org\\.eclipse\\.paho\\.mqttv5\\.client:\\d+\\.\\d+\\.\\d+");
    }

    /** Our classes alone, without a single client library: as in a host that added none. */
    @Test
    void withoutAnyClientTheTypesStillLoadAndNameWhatToAdd() throws Exception {
        URL classes = Path.of("target/classes").toUri().toURL();
        try (URLClassLoader withoutClients =
                new URLClassLoader(new URL[] {classes}, ClassLoader.getPlatformClassLoader())) {
            Class<?> type = Class.forName(BrokerType.class.getName(), true, withoutClients);
            Method missing = type.getMethod("missingClient");
            List<Object> named = new ArrayList<>();
            for (Object constant : type.getEnumConstants()) {
                named.add(((Optional<?>) missing.invoke(constant)).orElseThrow());
            }
            assertThat(named)
                    .containsExactly(
                            BrokerType.RABBITMQ.coordinates(),
                            BrokerType.KAFKA.coordinates(),
                            BrokerType.REDIS.coordinates(),
                            BrokerType.NATS.coordinates(),
                            BrokerType.MQTT.coordinates());
        }
    }
}
