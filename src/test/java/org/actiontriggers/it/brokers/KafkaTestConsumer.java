package org.actiontriggers.it.brokers;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A real Kafka consumer that reads one topic from its beginning, all partitions, without a consumer group (no
 * rebalance to wait for). Messages come back in partition order, which is per-entity order since the client
 * keys records by entity. Not thread-safe; close it after use.
 *
 * <pre>{@code
 * try (var consumer = new KafkaTestConsumer(KafkaTestBroker.shared().bootstrapServers(), "sales")) {
 *     List<ReceivedMessage> got = consumer.awaitMessages(3, Duration.ofSeconds(30));
 * }
 * }</pre>
 */
public final class KafkaTestConsumer implements AutoCloseable {

    private final String topic;
    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ReceivedMessage> received = new ArrayList<>();
    private boolean assigned;

    public KafkaTestConsumer(String bootstrapServers, String topic) {
        this.topic = topic;
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /**
     * Polls until at least {@code count} messages have been read in all (since this consumer was made) or the
     * timeout passed; returns all read so far, in the order read (per partition: the order written).
     */
    public List<ReceivedMessage> awaitMessages(int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (received.size() < count && System.nanoTime() < deadline) {
            if (!assigned) {
                assignAll(); // waits up to 5 s for the topic to appear
                continue;
            }
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                Map<String, String> headers = new LinkedHashMap<>();
                for (Header header : record.headers()) {
                    headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
                }
                headers.put("kafka-partition", Integer.toString(record.partition()));
                received.add(new ReceivedMessage(record.topic(), record.key(), record.value(), headers));
            }
        }
        return List.copyOf(received);
    }

    /** All messages read so far. */
    public List<ReceivedMessage> received() {
        return List.copyOf(received);
    }

    private void assignAll() {
        List<PartitionInfo> partitions;
        try {
            partitions = consumer.partitionsFor(topic, Duration.ofSeconds(5));
        } catch (org.apache.kafka.common.errors.TimeoutException notYet) {
            return;
        }
        if (partitions == null || partitions.isEmpty()) {
            return;
        }
        List<TopicPartition> topicPartitions = partitions.stream()
                .map(info -> new TopicPartition(info.topic(), info.partition()))
                .toList();
        consumer.assign(topicPartitions);
        consumer.seekToBeginning(topicPartitions);
        assigned = true;
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
