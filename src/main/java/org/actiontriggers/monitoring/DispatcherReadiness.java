package org.actiontriggers.monitoring;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.actiontriggers.dispatch.DeliveryDispatcher;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Part of {@code /health/ready}: without a running dispatcher, deliveries would only pile up. */
@Readiness
@ApplicationScoped
public class DispatcherReadiness implements HealthCheck {

    @Inject
    DeliveryDispatcher dispatcher;

    @Inject
    OutboxFigures figures;

    @Override
    public HealthCheckResponse call() {
        OutboxFigures.Reading outbox = figures.current();
        return HealthCheckResponse.named("action-triggers-dispatcher")
                .status(dispatcher.isRunning())
                .withData(
                        "outbox-depth", outbox.count("PENDING") + outbox.count("RETRYING") + outbox.count("IN_FLIGHT"))
                .withData("dead", outbox.count("DEAD"))
                .build();
    }
}
