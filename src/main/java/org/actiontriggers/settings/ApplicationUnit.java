package org.actiontriggers.settings;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import jakarta.persistence.PersistenceUnitUtil;
import jakarta.persistence.metamodel.Metamodel;

/**
 * The host application's persistence unit — the one whose entities may trigger — for their names and
 * identifiers, and for previews. Injected without a unit name: the library brings no unit of its own, so this
 * is the application's one unit (an application with several units is not supported yet).
 */
@ApplicationScoped
public class ApplicationUnit {

    @PersistenceUnit
    EntityManagerFactory factory;

    /** Asked for once: every capture asks it several times, and a container's factory may hand out a new one. */
    private volatile PersistenceUnitUtil util;

    /** The application's entity types. */
    public Metamodel metamodel() {
        return factory.getMetamodel();
    }

    /** Whether an entity's state is loaded, and its identifier, as the unit's provider sees them. */
    public PersistenceUnitUtil util() {
        PersistenceUnitUtil known = util;
        if (known == null) {
            known = factory.getPersistenceUnitUtil();
            util = known;
        }
        return known;
    }

    /** An application-managed entity manager of the unit, for reading; the caller closes it. */
    public EntityManager createEntityManager() {
        return factory.createEntityManager();
    }
}
