package org.actiontriggers.settings;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;

/**
 * The host application's persistence unit — the one whose entities may trigger — for their names and
 * identifiers, and for previews. Injected without a unit name: the library brings no unit of its own, so this
 * is the application's one unit (an application with several units is not supported yet).
 */
@ApplicationScoped
public class ApplicationUnit {

    @PersistenceUnit
    EntityManagerFactory factory;

    public EntityManagerFactory factory() {
        return factory;
    }
}
