package org.actiontriggers.deliver.broker;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.actiontriggers.outbox.AttemptRecord;
import org.actiontriggers.outbox.DeliveryRepository;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * Publishes one message through the shared client of its connection and puts every attempt on record, as
 * {@code WebhookSender} does for HTTP: quick transient failures are retried in process ({@code @Retry},
 * tunable through MP Config like the webhook sender's), longer outages are the durable schedule's job.
 */
@ApplicationScoped
public class BrokerPublisher {

    @Inject
    BrokerConnections connections;

    @Inject
    DeliveryRepository outbox;

    /**
     * Publishes and returns once the broker acknowledged.
     *
     * @param target what the attempt log shows as the destination ({@code broker:<name>})
     * @throws BrokerException when the message was not acknowledged; a {@code BrokerRefusedException} when
     *     retrying cannot help
     */
    @Retry(
            maxRetries = 2,
            delay = 200,
            jitter = 100,
            retryOn = BrokerException.class,
            abortOn = BrokerRefusedException.class)
    @Timeout(value = 90, unit = ChronoUnit.SECONDS)
    public void publish(String broker, String target, BrokerType type, Map<String, String> conn, BrokerMessage message)
            throws BrokerException {
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        String errorKind = "connection";
        try {
            BrokerClient client = connections.clientFor(broker, type, conn);
            errorKind = "publish";
            client.publish(message);
            connections.acknowledged(client);
            record(message, target, started, t0, null, null);
        } catch (BrokerException e) {
            String kind = e.retryable() ? errorKind : "refused";
            record(message, target, started, t0, kind, e.getMessage());
            if (e.retryable()) {
                connections.dropIfDisconnected(broker, type, conn);
                throw e;
            }
            throw new BrokerRefusedException(e);
        } catch (RuntimeException e) {
            String reason = "broker client failed: " + e.getClass().getSimpleName();
            record(message, target, started, t0, "client_error", reason);
            connections.dropIfDisconnected(broker, type, conn);
            throw new BrokerException(reason, true, e);
        }
    }

    private void record(
            BrokerMessage message, String target, Instant started, long t0, String errorKind, String error) {
        outbox.recordAttempt(new AttemptRecord(
                message.deliveryId(),
                started,
                target,
                null,
                errorKind,
                error,
                Duration.ofNanos(System.nanoTime() - t0),
                null));
    }
}
