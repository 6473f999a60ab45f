package org.actiontriggers.it.brokers;

import java.io.IOException;
import java.io.InputStream;

/**
 * Main class of the Kafka test broker's own JVM: runs {@code kafka.Kafka} and exits when its standard input
 * closes, that is when the test JVM that started it is gone, even killed hard, so no broker outlives its tests.
 */
public final class KafkaBrokerLauncher {

    private KafkaBrokerLauncher() {}

    public static void main(String[] args) throws Exception {
        Thread watchdog = new Thread(
                () -> {
                    try (InputStream in = System.in) {
                        while (in.read() != -1) {
                            // nothing is ever sent: we only wait for the end of the stream
                        }
                    } catch (IOException e) {
                        // the parent is gone just the same
                    }
                    System.exit(0);
                },
                "parent-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        Class.forName("kafka.Kafka").getMethod("main", String[].class).invoke(null, (Object) args);
    }
}
