package org.actiontriggers.outbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The {@code action_triggers_attempt} table's one column list and one row mapper. */
final class AttemptTable {

    static final String TABLE = "action_triggers_attempt";

    /** Every column but the generated id. */
    static final List<String> INSERTED = List.of(
            "delivery_id",
            "attempted_at",
            "url",
            "status_code",
            "error_kind",
            "error",
            "latency_millis",
            "response_body");

    static final String INSERT = Sql.insert(TABLE, INSERTED);

    /** The attempts of one delivery, oldest first. */
    static final String OF_DELIVERY = "SELECT a.id, " + Sql.select("a", INSERTED) + " FROM " + TABLE
            + " a WHERE a.delivery_id = ? ORDER BY a.attempted_at, a.id";

    private AttemptTable() {}

    static Map<String, Object> values(AttemptRecord a) {
        Map<String, Object> values = new HashMap<>();
        values.put("delivery_id", a.deliveryId());
        values.put("attempted_at", a.attemptedAt());
        values.put("url", a.url());
        values.put("status_code", a.statusCode());
        values.put("error_kind", a.errorKind());
        values.put("error", DeliveryTable.truncate(a.error()));
        values.put("latency_millis", a.latency().toMillis());
        values.put("response_body", DeliveryTable.storable(a.responseBody()));
        return values;
    }

    static Attempt read(ResultSet rs) throws SQLException {
        return new Attempt(
                rs.getLong("id"),
                rs.getObject("attempted_at", OffsetDateTime.class),
                rs.getString("url"),
                Sql.intOrNull(rs, "status_code"),
                rs.getString("error_kind"),
                rs.getString("error"),
                rs.getLong("latency_millis"),
                rs.getString("response_body"));
    }
}
