package org.actiontriggers.trigger;

import java.util.List;
import java.util.Map;

/**
 * Where one delivery goes: a webhook or a message broker queue. The kind of a delivery is this type, not a set
 * of nullable fields; each kind has one delivery channel (in {@code deliver}) and knows its own outbox columns,
 * so the outbox and the dispatcher handle every kind alike.
 *
 * <p>A kind stores itself in the outbox's destination columns ({@link #COLUMNS}): the common {@code kind},
 * {@code url} (what the logs show, {@link #address()}) and {@code timeout_secs}, plus its own. A new kind
 * permits one more record here, fills columns of its own (added by a migration and listed here), and is
 * read back in {@link #fromRow}.
 */
public sealed interface Destination permits WebhookDestination, BrokerQueueDestination {

    /** Every outbox column a destination fills, common and per kind, in the order the outbox writes them. */
    List<String> COLUMNS = List.of(
            "kind",
            "url",
            "timeout_secs",
            "webhook_id",
            "http_method",
            "headers",
            "broker_queue_id",
            "broker_name",
            "broker_conn",
            "broker_params");

    /**
     * The columns that name one destination: rows of an ordered config wait for older unfinished rows with
     * the same value in one of them (and the same entity). Each is indexed with the entity for that check.
     */
    List<String> IDENTITY_COLUMNS = List.of("webhook_id", "broker_queue_id");

    /** The value of the {@code kind} column, which {@link #fromRow} reads back; the API shows it in lower case. */
    String kind();

    /** Where it goes as people read it in the delivery and attempt logs: the URL, or {@code broker:<name>}. */
    String address();

    /** The destination's own timeout in seconds, or {@code null} for the configured default. */
    Double timeoutSecs();

    /**
     * The values of this destination's columns, by name (a subset of {@link #COLUMNS}; absent means
     * {@code NULL}): strings, {@code Long}s and {@code Double}s.
     */
    Map<String, Object> columns();

    /** Read access to one outbox row's destination columns, by name. */
    interface Row {
        String text(String column);

        Long number(String column);

        Double decimal(String column);
    }

    /**
     * The destination a row's columns describe.
     *
     * @throws IllegalArgumentException for a kind this version does not know
     */
    static Destination fromRow(Row row) {
        String kind = row.text("kind");
        return switch (kind) {
            case WebhookDestination.KIND -> WebhookDestination.fromRow(row);
            case BrokerQueueDestination.KIND -> BrokerQueueDestination.fromRow(row);
            default -> throw new IllegalArgumentException("unknown destination kind '" + kind + "'");
        };
    }
}
