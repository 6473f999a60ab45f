package org.actiontriggers.deliver.broker;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.actiontriggers.deliver.QuickRetry;
import org.actiontriggers.outbox.AttemptRecord;
import org.actiontriggers.settings.TriggerSettings;

/**
 * Publishes one message through the shared client of its connection and notes every attempt for the finish
 * stage to record, as {@code WebhookSender} does for HTTP: quick transient failures are retried in process
 * ({@link QuickRetry}, the same {@code action-triggers.quick-retries} as webhooks), longer outages are the
 * durable schedule's job. Each attempt is bounded by the broker's effective timeout, which every client
 * applies to connecting and to waiting for the acknowledgement (see docs/how-it-works.md, "What bounds an
 * attempt").
 */
@ApplicationScoped
public class BrokerPublisher {

    @Inject
    BrokerConnections connections;

    @Inject
    TriggerSettings settings;

    /**
     * Publishes and returns once the broker acknowledged.
     *
     * @param target what the attempt log shows as the destination ({@code broker:<name>})
     * @param attempts where each attempt is noted, in-process retries included
     * @throws BrokerException when the message was not acknowledged; a {@code BrokerRefusedException} when
     *     retrying cannot help
     */
    public void publish(
            String broker,
            String target,
            BrokerType type,
            Map<String, String> conn,
            BrokerMessage message,
            List<AttemptRecord> attempts)
            throws BrokerException {
        QuickRetry.run(
                settings.current().quickRetries(),
                BrokerException.class,
                failure -> !(failure instanceof BrokerRefusedException),
                () -> {
                    publishOnce(broker, target, type, conn, message, attempts);
                    return null;
                });
    }

    private void publishOnce(
            String broker,
            String target,
            BrokerType type,
            Map<String, String> conn,
            BrokerMessage message,
            List<AttemptRecord> attempts)
            throws BrokerException {
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        String errorKind = "connection";
        try {
            BrokerClient client = connections.clientFor(broker, type, conn);
            errorKind = "publish";
            client.publish(message);
            connections.acknowledged(client);
            record(attempts, message, target, started, t0, null, null);
        } catch (BrokerException e) {
            String kind = e.retryable() ? errorKind : "refused";
            record(attempts, message, target, started, t0, kind, e.getMessage());
            if (e.retryable()) {
                connections.dropIfDisconnected(broker, type, conn);
                throw e;
            }
            throw new BrokerRefusedException(e);
        } catch (RuntimeException e) {
            String reason = "broker client failed: " + e.getClass().getSimpleName();
            record(attempts, message, target, started, t0, "client_error", reason);
            connections.dropIfDisconnected(broker, type, conn);
            throw new BrokerException(reason, true, e);
        }
    }

    private static void record(
            List<AttemptRecord> attempts,
            BrokerMessage message,
            String target,
            Instant started,
            long t0,
            String errorKind,
            String error) {
        attempts.add(new AttemptRecord(
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
