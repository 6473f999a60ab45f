package org.actiontriggers.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/** Read access to deliveries and their attempts, for people and tests asking "did it arrive, and if not, why?". */
@ApplicationScoped
public class DeliveryLog {

    @PersistenceContext
    EntityManager em;

    /** The delivery with its attempts loaded. */
    @Transactional
    public Optional<Delivery> find(String id) {
        Delivery delivery = em.find(Delivery.class, id);
        if (delivery != null) {
            delivery.getAttemptLog().size();
        }
        return Optional.ofNullable(delivery);
    }

    /** Deliveries of one config, newest first. */
    public List<Delivery> byConfig(long configId) {
        return em.createQuery(
                        "select d from Delivery d where d.configId = :c order by d.createdAt desc, d.id desc",
                        Delivery.class)
                .setParameter("c", configId)
                .getResultList();
    }

    /** Deliveries about one entity, newest first. */
    public List<Delivery> byEntity(String entityType, String entityId) {
        return em.createQuery(
                        "select d from Delivery d where d.entityType = :t and d.entityId = :i"
                                + " order by d.createdAt desc, d.id desc",
                        Delivery.class)
                .setParameter("t", entityType)
                .setParameter("i", entityId)
                .getResultList();
    }
}
