package org.actiontriggers.settings;

import java.util.Optional;
import java.util.Set;

/**
 * The broker types this build can publish to and the keys each takes. Asked through this interface because
 * the types and their clients live in the deliver stage, which may depend on this package but not the other
 * way round.
 */
public interface BrokerCatalog {

    /** No broker type at all: for callers that configure no broker. */
    BrokerCatalog NONE = new BrokerCatalog() {
        @Override
        public Set<String> types() {
            return Set.of();
        }

        @Override
        public Optional<BrokerKeys> keys(String type) {
            return Optional.empty();
        }
    };

    /** The type names as written in {@code action-triggers.brokers.<name>.type}, in lower case. */
    Set<String> types();

    /** The keys of one type; empty for a name that is not a type. Ask only when its client is present. */
    Optional<BrokerKeys> keys(String type);

    /**
     * Empty when the client library of this type is in the application; otherwise the Maven coordinates to
     * add. Broker clients are optional dependencies of the library.
     */
    default Optional<String> missingClient(String type) {
        return Optional.empty();
    }
}
