package org.actiontriggers.trigger;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * One of our tables as {@link ConfigRepository} reads and writes it: its columns are listed once, with how
 * each is read into and taken from the object, and the SELECT, INSERT and UPDATE statements, their binds
 * and the row mapper are all derived from that list — so a column cannot be added to one and forgotten in
 * another. The SQL is plain and runs unchanged on H2 and PostgreSQL.
 *
 * @param name the table
 * @param idSequence the sequence the migrations define for its ids
 * @param factory a new, empty object for a row
 * @param columns every column, {@code id} first
 */
record Table<T>(String name, String idSequence, Supplier<T> factory, List<Column<T, ?>> columns) {

    Table {
        columns = List.copyOf(columns);
        if (!columns.get(0).name().equals("id")) {
            throw new IllegalArgumentException("the id column comes first");
        }
    }

    /** {@code SELECT <columns> FROM <table>}, to which the caller adds its WHERE and ORDER BY. */
    String select() {
        return "SELECT " + columns.stream().map(Column::name).collect(Collectors.joining(", ")) + " FROM " + name;
    }

    /** The query that takes the next id from the table's sequence. */
    String nextId() {
        return "SELECT nextval('" + idSequence + "')";
    }

    String insert() {
        return "INSERT INTO " + name + " (" + columns.stream().map(Column::name).collect(Collectors.joining(", "))
                + ") VALUES (" + columns.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")";
    }

    /** {@code UPDATE <table> SET <updatable> = ?, …}, to which the caller adds its WHERE. */
    String update() {
        return "UPDATE " + name + " SET "
                + updatable().stream().map(c -> c.name() + " = ?").collect(Collectors.joining(", "));
    }

    /** Binds every column, in the order of {@link #insert()}. */
    void bindInsert(PreparedStatement ps, T row) throws SQLException {
        int index = 1;
        for (Column<T, ?> column : columns) {
            column.bind(ps, index++, row);
        }
    }

    /** Binds the updatable columns, in the order of {@link #update()}; returns the next parameter index. */
    int bindUpdate(PreparedStatement ps, T row) throws SQLException {
        int index = 1;
        for (Column<T, ?> column : updatable()) {
            column.bind(ps, index++, row);
        }
        return index;
    }

    /** The row mapper: an object with every column that has a setter read from the current row. */
    T read(ResultSet rs) throws SQLException {
        T row = factory.get();
        for (Column<T, ?> column : columns) {
            column.read(rs, row);
        }
        return row;
    }

    /** Whether an update would change nothing: the updatable columns hold the same values, as stored. */
    boolean sameUpdatable(T a, T b) {
        return updatable().stream().allMatch(c -> Objects.equals(c.stored(a), c.stored(b)));
    }

    private List<Column<T, ?>> updatable() {
        return columns.stream().filter(Column::updatable).toList();
    }

    /**
     * One column.
     *
     * @param name the column name
     * @param type how its value is stored
     * @param getter the value to write
     * @param setter where a read value goes; {@code null} when the repository reads the column itself
     * @param updatable whether an update writes it (otherwise it is written once, by the insert)
     */
    record Column<T, V>(
            String name, SqlType<V> type, Function<T, V> getter, BiConsumer<T, V> setter, boolean updatable) {

        static <T, V> Column<T, V> of(String name, SqlType<V> type, Function<T, V> getter, BiConsumer<T, V> setter) {
            return new Column<>(name, type, getter, setter, true);
        }

        /** A column written by the insert only. */
        static <T, V> Column<T, V> insertOnly(
                String name, SqlType<V> type, Function<T, V> getter, BiConsumer<T, V> setter) {
            return new Column<>(name, type, getter, setter, false);
        }

        void bind(PreparedStatement ps, int index, T row) throws SQLException {
            Object value = stored(row);
            if (value == null) {
                ps.setNull(index, type.sqlType());
            } else {
                ps.setObject(index, value);
            }
        }

        void read(ResultSet rs, T row) throws SQLException {
            if (setter != null) {
                setter.accept(row, type.reader().read(rs, name));
            }
        }

        /** The value as it is written to the database. */
        Object stored(T row) {
            V value = getter.apply(row);
            return value == null ? null : type.toDatabase().apply(value);
        }
    }

    /**
     * How a Java value is stored in a column and read back.
     *
     * @param sqlType the {@link Types} constant to bind SQL NULL with
     * @param toDatabase the value as bound (and compared when deciding whether a row changed)
     * @param reader the value of a column of the current row, {@code null} for SQL NULL
     */
    record SqlType<V>(int sqlType, Function<V, Object> toDatabase, Reader<V> reader) {

        static final SqlType<Long> LONG = new SqlType<>(Types.BIGINT, v -> v, (rs, c) -> rs.getObject(c, Long.class));
        static final SqlType<String> TEXT = new SqlType<>(Types.VARCHAR, v -> v, ResultSet::getString);
        static final SqlType<Boolean> BOOLEAN =
                new SqlType<>(Types.BOOLEAN, v -> v, (rs, c) -> rs.getObject(c, Boolean.class));
        static final SqlType<Integer> INTEGER =
                new SqlType<>(Types.INTEGER, v -> v, (rs, c) -> rs.getObject(c, Integer.class));
        static final SqlType<Double> DOUBLE =
                new SqlType<>(Types.DOUBLE, v -> v, (rs, c) -> rs.getObject(c, Double.class));
        static final SqlType<OffsetDateTime> TIMESTAMP =
                new SqlType<>(Types.TIMESTAMP_WITH_TIMEZONE, v -> v, (rs, c) -> rs.getObject(c, OffsetDateTime.class));
        /** A map of strings as one JSON object text, in order ({@link HeadersConverter}). */
        static final SqlType<Map<String, String>> JSON_MAP = new SqlType<>(
                Types.VARCHAR, HeadersConverter::toJson, (rs, c) -> HeadersConverter.fromJson(rs.getString(c)));

        /** An enum stored by its name, read back by the enum's own lenient parser. */
        static <E extends Enum<E>> SqlType<E> named(Function<String, E> parse) {
            return new SqlType<>(Types.VARCHAR, Enum::name, (rs, c) -> {
                String text = rs.getString(c);
                return text == null ? null : parse.apply(text);
            });
        }
    }

    /** Reads one column of the current row. */
    @FunctionalInterface
    interface Reader<V> {
        V read(ResultSet rs, String column) throws SQLException;
    }
}
