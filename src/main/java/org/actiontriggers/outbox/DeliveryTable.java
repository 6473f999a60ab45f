package org.actiontriggers.outbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.actiontriggers.trigger.Destination;

/**
 * The {@code action_triggers_delivery} table's one column list and one row mapper: every read and the insert
 * go through here, so a column is added in one place (and a migration). The destination's columns are the
 * destination type's to fill and read ({@link Destination#COLUMNS}), so a new kind of destination changes
 * nothing here. The {@code seq} column that orders an entity's deliveries is in no list on purpose: the
 * database fills it from a sequence on every insert (its default), so no instance's clock or code path decides
 * the order.
 */
final class DeliveryTable {

    static final String TABLE = "action_triggers_delivery";

    /** The row's own columns, then the destination's. */
    static final List<String> COLUMNS = Stream.concat(
                    Stream.of(
                            "id",
                            "config_id",
                            "entity_type",
                            "entity_id",
                            "signal",
                            "operation",
                            "body",
                            "content_type",
                            "state",
                            "attempts",
                            "failed_rounds",
                            "due_at",
                            "created_at",
                            "completed_at",
                            "last_status",
                            "last_error",
                            "ordered"),
                    Destination.COLUMNS.stream())
            .toList();

    static final String INSERT = Sql.insert(TABLE, COLUMNS);

    private static final int MAX_ERROR_LENGTH = 2000;

    private DeliveryTable() {}

    /** {@code d.id, d.config_id, …}: every column, for {@link #read}. */
    static String select(String alias) {
        return Sql.select(alias, COLUMNS);
    }

    /**
     * The values of a new row: pending and due at once, or failed at once when it carries an error (its
     * payload could not be rendered).
     */
    static Map<String, Object> values(PendingDelivery d) {
        Map<String, Object> values = new HashMap<>(d.destination().columns());
        values.put("id", d.id());
        values.put("config_id", d.configId());
        values.put("entity_type", d.entityType());
        values.put("entity_id", d.entityId());
        values.put("signal", d.signal());
        values.put("operation", d.operation());
        values.put("body", d.body());
        values.put("content_type", d.contentType());
        values.put("state", (d.error() == null ? DeliveryState.PENDING : DeliveryState.FAILED).name());
        values.put("attempts", 0);
        values.put("failed_rounds", 0);
        values.put("due_at", d.createdAt());
        values.put("created_at", d.createdAt());
        values.put("completed_at", d.error() == null ? null : d.createdAt());
        values.put("last_error", truncate(d.error()));
        values.put("ordered", d.ordered());
        return values;
    }

    /** The row the result set stands on, without its attempts. */
    static Delivery read(ResultSet rs) throws SQLException {
        return new Delivery(
                rs.getString("id"),
                rs.getLong("config_id"),
                Destination.fromRow(row(rs)),
                rs.getString("entity_type"),
                rs.getString("entity_id"),
                rs.getString("signal"),
                rs.getString("operation"),
                rs.getString("body"),
                rs.getString("content_type"),
                DeliveryState.valueOf(rs.getString("state")),
                rs.getInt("attempts"),
                rs.getInt("failed_rounds"),
                rs.getObject("due_at", OffsetDateTime.class),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("completed_at", OffsetDateTime.class),
                Sql.intOrNull(rs, "last_status"),
                rs.getString("last_error"),
                rs.getBoolean("ordered"),
                List.of());
    }

    /** Errors are capped to what the {@code last_error} and attempt {@code error} columns hold. */
    static String truncate(String text) {
        String storable = storable(text);
        return storable == null || storable.length() <= MAX_ERROR_LENGTH
                ? storable
                : storable.substring(0, MAX_ERROR_LENGTH);
    }

    /**
     * Text a receiver sent, without NUL characters: PostgreSQL refuses them in text columns, and one such
     * response would otherwise make its round's result impossible to put on record.
     */
    static String storable(String text) {
        return text == null || text.indexOf('\0') < 0 ? text : text.replace("\0", "");
    }

    private static Destination.Row row(ResultSet rs) {
        return new Destination.Row() {
            @Override
            public String text(String column) {
                return get(() -> rs.getString(column));
            }

            @Override
            public Long number(String column) {
                return get(() -> Sql.longOrNull(rs, column));
            }

            @Override
            public Double decimal(String column) {
                return get(() -> Sql.doubleOrNull(rs, column));
            }
        };
    }

    private interface Read<T> {
        T get() throws SQLException;
    }

    private static <T> T get(Read<T> read) {
        try {
            return read.get();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read a destination column of the outbox", e);
        }
    }
}
