package org.actiontriggers.monitoring;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.actiontriggers.deliver.broker.BrokerConnections;
import org.actiontriggers.deliver.broker.BrokerType;
import org.actiontriggers.settings.BrokerDefinition;
import org.actiontriggers.settings.TriggerSettings;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Part of {@code /health/ready}: lists each broker defined in the settings, {@code up} when its shared
 * connection (opened now if there is none yet) is connected, {@code idle} for a client that connects on its
 * first message and has had none, {@code down} otherwise.
 *
 * <p>The check itself stays UP while a broker is down: its messages wait in the outbox and are retried on the
 * schedule, and the application around us (which deploys this WAR for its own work) must not be taken out of
 * service because a downstream broker is away. Operators see the state here and the retries in the outbox
 * metrics.
 */
@Readiness
@ApplicationScoped
public class BrokerReadiness implements HealthCheck {

    @Inject
    TriggerSettings settings;

    @Inject
    BrokerConnections connections;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("action-triggers-brokers");
        for (Map.Entry<String, BrokerDefinition> entry :
                new TreeMap<>(settings.current().brokers()).entrySet()) {
            BrokerDefinition broker = entry.getValue();
            Optional<BrokerType> type = BrokerType.parse(broker.type());
            BrokerConnections.State state = type.isPresent()
                    ? connections.state(broker.name(), type.get(), broker.conn())
                    : BrokerConnections.State.DOWN;
            response.withData(entry.getKey(), broker.type() + " " + state.name().toLowerCase(Locale.ROOT));
        }
        return response.up().build();
    }
}
