package org.actiontriggers.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.actiontriggers.trigger.Page;

/**
 * Finds deliveries by any combination of config, webhook, entity, state and time of the change, newest first;
 * plain JDBC through the outbox's data source, in the caller's transaction when there is one.
 */
@ApplicationScoped
public class DeliverySearch {

    @Inject
    DataSource dataSource;

    /**
     * What to look for; {@code null} fields do not filter.
     *
     * @param since changes at or after this time
     * @param until changes before this time
     */
    public record Filter(
            Long configId,
            Long webhookId,
            String entityType,
            String entityId,
            DeliveryState state,
            Instant since,
            Instant until) {}

    public Page<Delivery> find(Filter filter, int page, int size) {
        List<Object> values = new ArrayList<>();
        String where = where(filter, values);
        String count = "SELECT COUNT(*) FROM " + DeliveryTable.TABLE + " d" + where;
        String select = "SELECT " + DeliveryTable.select("d") + " FROM " + DeliveryTable.TABLE + " d" + where
                + " ORDER BY d.created_at DESC, d.id DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY";
        try (Connection c = dataSource.getConnection()) {
            long total;
            try (PreparedStatement ps = c.prepareStatement(count)) {
                bind(ps, values);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<Delivery> deliveries = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(select)) {
                int next = bind(ps, values);
                ps.setInt(next, Page.firstIndex(page, size));
                ps.setInt(next + 1, size);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        deliveries.add(DeliveryTable.read(rs));
                    }
                }
            }
            return new Page<>(deliveries, total, page, size);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not search deliveries", e);
        }
    }

    /** Binds the filter's values and returns the index of the next parameter. */
    private static int bind(PreparedStatement ps, List<Object> values) throws SQLException {
        int index = 1;
        for (Object value : values) {
            ps.setObject(index++, value);
        }
        return index;
    }

    private static String where(Filter filter, List<Object> values) {
        List<String> conditions = new ArrayList<>();
        if (filter.configId() != null) {
            conditions.add("d.config_id = ?");
            values.add(filter.configId());
        }
        if (filter.webhookId() != null) {
            conditions.add("d.webhook_id = ?");
            values.add(filter.webhookId());
        }
        if (filter.entityType() != null) {
            conditions.add("d.entity_type = ?");
            values.add(filter.entityType());
        }
        if (filter.entityId() != null) {
            conditions.add("d.entity_id = ?");
            values.add(filter.entityId());
        }
        if (filter.state() != null) {
            conditions.add("d.state = ?");
            values.add(filter.state().name());
        }
        if (filter.since() != null) {
            conditions.add("d.created_at >= ?");
            values.add(Sql.utc(filter.since()));
        }
        if (filter.until() != null) {
            conditions.add("d.created_at < ?");
            values.add(Sql.utc(filter.until()));
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }
}
