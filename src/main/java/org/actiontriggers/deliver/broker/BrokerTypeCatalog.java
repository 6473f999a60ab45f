package org.actiontriggers.deliver.broker;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.actiontriggers.settings.BrokerCatalog;
import org.actiontriggers.settings.BrokerKeys;

/** The settings' and the validator's view of {@link BrokerType}. */
@ApplicationScoped
public class BrokerTypeCatalog implements BrokerCatalog {

    @Override
    public Set<String> types() {
        return Arrays.stream(BrokerType.values()).map(BrokerType::value).collect(Collectors.toSet());
    }

    @Override
    public Optional<String> missingClient(String type) {
        return BrokerType.parse(type).flatMap(BrokerType::missingClient);
    }

    @Override
    public Optional<BrokerKeys> keys(String type) {
        return BrokerType.parse(type).map(BrokerType::keys);
    }
}
