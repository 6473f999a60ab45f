package org.actiontriggers.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.actiontriggers.trigger.Page;

/** Finds deliveries by any combination of config, webhook, entity, state and time of the change, newest first. */
@ApplicationScoped
public class DeliverySearch {

    @PersistenceContext
    EntityManager em;

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

    @Transactional
    public Page<Delivery> find(Filter filter, int page, int size) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        String where = where(filter, parameters);
        TypedQuery<Delivery> query = em.createQuery(
                "select d from Delivery d" + where + " order by d.createdAt desc, d.id desc", Delivery.class);
        TypedQuery<Long> count = em.createQuery("select count(d) from Delivery d" + where, Long.class);
        parameters.forEach((name, value) -> {
            query.setParameter(name, value);
            count.setParameter(name, value);
        });
        List<Delivery> deliveries = query.setFirstResult(Page.firstIndex(page, size))
                .setMaxResults(size)
                .getResultList();
        return new Page<>(deliveries, count.getSingleResult(), page, size);
    }

    private static String where(Filter filter, Map<String, Object> parameters) {
        List<String> conditions = new ArrayList<>();
        if (filter.configId() != null) {
            conditions.add("d.configId = :config");
            parameters.put("config", filter.configId());
        }
        if (filter.webhookId() != null) {
            conditions.add("d.webhookId = :webhook");
            parameters.put("webhook", filter.webhookId());
        }
        if (filter.entityType() != null) {
            conditions.add("d.entityType = :type");
            parameters.put("type", filter.entityType());
        }
        if (filter.entityId() != null) {
            conditions.add("d.entityId = :entity");
            parameters.put("entity", filter.entityId());
        }
        if (filter.state() != null) {
            conditions.add("d.state = :state");
            parameters.put("state", filter.state());
        }
        if (filter.since() != null) {
            conditions.add("d.createdAt >= :since");
            parameters.put("since", filter.since().atOffset(ZoneOffset.UTC));
        }
        if (filter.until() != null) {
            conditions.add("d.createdAt < :until");
            parameters.put("until", filter.until().atOffset(ZoneOffset.UTC));
        }
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }
}
