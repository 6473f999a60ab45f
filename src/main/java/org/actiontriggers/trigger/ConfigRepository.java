package org.actiontriggers.trigger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/** Persistence of {@link Config}s with their webhooks and signals. */
@ApplicationScoped
public class ConfigRepository {

    @PersistenceContext
    EntityManager em;

    /** Active configs with their webhooks and signals loaded, ready to be used detached. */
    @Transactional
    public List<Config> findActiveWithChildren() {
        List<Config> configs = em.createQuery(
                        "select c from Config c where c.active = true order by c.id", Config.class)
                .getResultList();
        configs.forEach(c -> {
            c.getWebhooks().size();
            c.getBrokerQueues().size();
            c.getConfigSignals().size();
            c.getContentTypes().size();
        });
        return configs;
    }

    @Transactional
    public Config save(Config config) {
        if (config.getId() == null) {
            em.persist(config);
            return config;
        }
        return em.merge(config);
    }

    public Optional<Config> find(long id) {
        return Optional.ofNullable(em.find(Config.class, id));
    }

    @Transactional
    public boolean delete(long id) {
        Config config = em.find(Config.class, id);
        if (config == null) {
            return false;
        }
        em.remove(config);
        return true;
    }
}
