package org.actiontriggers.outbox;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The few JDBC idioms the outbox's tables share, so that binds are by column name, not by position. */
final class Sql {

    private Sql() {}

    /** {@code a.x, a.y, …} for the columns. */
    static String select(String alias, List<String> columns) {
        return columns.stream().map(c -> alias + "." + c).collect(Collectors.joining(", "));
    }

    /** {@code INSERT INTO table (x, y, …) VALUES (?, ?, …)} for the columns. */
    static String insert(String table, List<String> columns) {
        return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
    }

    /** Binds each column's value from the map (absent: SQL {@code NULL}), in the order of the column list. */
    static void bind(PreparedStatement ps, List<String> columns, Map<String, Object> values) throws SQLException {
        int index = 1;
        for (String column : columns) {
            Object value = values.get(column);
            if (value == null) {
                ps.setNull(index++, Types.NULL);
            } else {
                ps.setObject(index++, value instanceof Instant instant ? utc(instant) : value);
            }
        }
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Long longOrNull(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    static Integer intOrNull(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    static Double doubleOrNull(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }
}
