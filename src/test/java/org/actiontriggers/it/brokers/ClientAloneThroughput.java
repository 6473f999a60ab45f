package org.actiontriggers.it.brokers;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.actiontriggers.deliver.broker.BrokerClient;
import org.actiontriggers.deliver.broker.BrokerMessage;
import org.actiontriggers.deliver.broker.KafkaBrokerClient;
import org.actiontriggers.deliver.broker.MqttBrokerClient;
import org.actiontriggers.deliver.broker.NatsBrokerClient;

/**
 * The "client alone" figure of the benchmark: how many messages per second one {@link BrokerClient} publishes
 * (each acknowledged by the broker) with no database, outbox or dispatcher in front, so the end-to-end
 * messages/s can be read against it. Publishers are plain threads, each waiting for every acknowledgement like a
 * dispatcher worker does; messages rotate over 10 entities. A warm-up of a tenth of the count is not measured.
 *
 * <p>{@code main} measures Kafka (on {@link KafkaTestBroker#shared()}), NATS and MQTT (the machine's servers):
 * {@code java -cp <test classpath> org.actiontriggers.it.brokers.ClientAloneThroughput [messages] [threads...]}.
 */
public final class ClientAloneThroughput {

    /** One measurement. */
    public record Result(String broker, int messages, int threads, int bodyBytes, Duration elapsed) {
        public double messagesPerSecond() {
            return messages / (elapsed.toNanos() / 1e9);
        }

        @Override
        public String toString() {
            return String.format(
                    "%-6s %7d messages %3d threads %5d B: %9.0f messages/s (%d ms)",
                    broker, messages, threads, bodyBytes, messagesPerSecond(), elapsed.toMillis());
        }
    }

    private ClientAloneThroughput() {}

    /**
     * Publishes {@code messages} messages of {@code bodyBytes} bytes through the client from {@code threads}
     * threads, after an unmeasured warm-up, and returns the time they took; throws if any publish failed.
     */
    public static Result measure(
            String broker,
            BrokerClient client,
            Map<String, String> parameters,
            int messages,
            int threads,
            int bodyBytes)
            throws Exception {
        byte[] body = new byte[bodyBytes];
        Arrays.fill(body, (byte) 'x');
        run(client, parameters, Math.max(threads, messages / 10), threads, body);
        long start = System.nanoTime();
        run(client, parameters, messages, threads, body);
        return new Result(broker, messages, threads, bodyBytes, Duration.ofNanos(System.nanoTime() - start));
    }

    private static void run(BrokerClient client, Map<String, String> parameters, int messages, int threads, byte[] body)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int thread = 0; thread < threads; thread++) {
                int first = thread;
                done.add(pool.submit(() -> {
                    for (int i = first; i < messages; i += threads) {
                        client.publish(new BrokerMessage(
                                UUID.randomUUID().toString(),
                                "post_save",
                                "bench.entity",
                                Integer.toString(i % 10),
                                "application/json",
                                body,
                                parameters,
                                Duration.ofSeconds(30)));
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    public static void main(String[] args) throws Exception {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        int[] threadCounts = args.length > 1
                ? Arrays.stream(args).skip(1).mapToInt(Integer::parseInt).toArray()
                : new int[] {1, 8};
        int bodyBytes = 200;
        List<Result> results = new ArrayList<>();

        KafkaTestBroker kafka = KafkaTestBroker.shared();
        String topic = "bench-" + UUID.randomUUID();
        kafka.createTopic(topic, KafkaTestBroker.DEFAULT_PARTITIONS);
        try (KafkaBrokerClient client = new KafkaBrokerClient(Map.of("bootstrap_servers", kafka.bootstrapServers()))) {
            for (int threads : threadCounts) {
                results.add(measure("kafka", client, Map.of("topic", topic), messages, threads, bodyBytes));
            }
        }

        String stream = "BENCH_" + UUID.randomUUID().toString().replace("-", "");
        String subject = "bench." + stream;
        NatsTestSubscriber.createStream(NatsTestServer.MACHINE_SERVER, stream, subject);
        try (NatsBrokerClient client = new NatsBrokerClient(Map.of("servers", NatsTestServer.MACHINE_SERVER))) {
            for (int threads : threadCounts) {
                results.add(measure("nats", client, Map.of("subject", subject), messages, threads, bodyBytes));
            }
        } finally {
            NatsTestSubscriber.deleteStream(NatsTestServer.MACHINE_SERVER, stream);
        }

        try (MqttBrokerClient client = new MqttBrokerClient(Map.of(
                "host",
                MosquittoTestBroker.MACHINE_HOST,
                "port",
                Integer.toString(MosquittoTestBroker.MACHINE_PORT)))) {
            for (int threads : threadCounts) {
                results.add(measure("mqtt", client, Map.of("topic", "bench/" + stream), messages, threads, bodyBytes));
            }
        }
        results.forEach(result -> System.out.println(result));
        System.out.flush();
        System.exit(0);
    }
}
