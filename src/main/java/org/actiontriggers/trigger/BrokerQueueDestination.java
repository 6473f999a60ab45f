package org.actiontriggers.trigger;

import java.util.HashMap;
import java.util.Map;

/**
 * A message to a message broker queue: the broker is defined by name in the settings, the queue's overrides
 * are laid over that definition at send time.
 *
 * @param brokerQueueId the queue
 * @param brokerName the broker's name in the settings
 * @param connDetails the queue's connection overrides as templates; resolved at send time, never stored
 * @param parameters the queue's parameter overrides as templates
 * @param timeoutSecs the queue's own timeout, or {@code null}
 */
public record BrokerQueueDestination(
        long brokerQueueId,
        String brokerName,
        Map<String, String> connDetails,
        Map<String, String> parameters,
        Double timeoutSecs)
        implements Destination {

    /** The {@code kind} column of a broker message. */
    public static final String KIND = "BROKER";

    /** What the logs show before the broker's name, where a webhook's URL would be. */
    public static final String ADDRESS_PREFIX = "broker:";

    public BrokerQueueDestination {
        connDetails = Map.copyOf(connDetails);
        parameters = Map.copyOf(parameters);
    }

    static BrokerQueueDestination of(MessageBrokerQueue queue) {
        return new BrokerQueueDestination(
                queue.getId(), queue.getName(), queue.getConnDetails(), queue.getParameters(), queue.getTimeoutSecs());
    }

    @Override
    public String kind() {
        return KIND;
    }

    /** {@code broker:<name>}, a label for people; nothing branches on it. */
    @Override
    public String address() {
        return ADDRESS_PREFIX + brokerName;
    }

    @Override
    public Map<String, Object> columns() {
        Map<String, Object> columns = new HashMap<>();
        columns.put("kind", KIND);
        columns.put("url", address());
        columns.put("timeout_secs", timeoutSecs);
        columns.put("broker_queue_id", brokerQueueId);
        columns.put("broker_name", brokerName);
        columns.put("broker_conn", HeadersConverter.toJson(connDetails));
        columns.put("broker_params", HeadersConverter.toJson(parameters));
        return columns;
    }

    static BrokerQueueDestination fromRow(Row row) {
        return new BrokerQueueDestination(
                row.number("broker_queue_id"),
                row.text("broker_name"),
                HeadersConverter.fromJson(row.text("broker_conn")),
                HeadersConverter.fromJson(row.text("broker_params")),
                row.decimal("timeout_secs"));
    }
}
