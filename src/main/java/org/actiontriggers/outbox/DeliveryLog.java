package org.actiontriggers.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Read access to deliveries and their attempts, for people and tests asking "did it arrive, and if not, why?".
 * Plain JDBC through the outbox's data source, in the caller's transaction when there is one.
 */
@ApplicationScoped
public class DeliveryLog {

    private static final String NEWEST_FIRST = " ORDER BY d.created_at DESC, d.id DESC";

    @Inject
    DataSource dataSource;

    /** The delivery with its attempts loaded. */
    public Optional<Delivery> find(String id) {
        try (Connection c = dataSource.getConnection()) {
            Delivery delivery;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT " + DeliveryTable.select("d") + " FROM " + DeliveryTable.TABLE + " d WHERE d.id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    delivery = DeliveryTable.read(rs);
                }
            }
            List<Attempt> attempts = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(AttemptTable.OF_DELIVERY)) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        attempts.add(AttemptTable.read(rs));
                    }
                }
            }
            return Optional.of(delivery.withAttempts(attempts));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read delivery " + id, e);
        }
    }

    /** Deliveries of one config, newest first. */
    public List<Delivery> byConfig(long configId) {
        return list("d.config_id = ?", configId);
    }

    /** Deliveries about one entity, newest first. */
    public List<Delivery> byEntity(String entityType, String entityId) {
        return list("d.entity_type = ? AND d.entity_id = ?", entityType, entityId);
    }

    private List<Delivery> list(String where, Object... values) {
        String sql = "SELECT " + DeliveryTable.select("d") + " FROM " + DeliveryTable.TABLE + " d WHERE " + where
                + NEWEST_FIRST;
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
            List<Delivery> deliveries = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    deliveries.add(DeliveryTable.read(rs));
                }
            }
            return deliveries;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not list deliveries", e);
        }
    }
}
