package org.actiontriggers.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * Sends finished deliveries again, keeping their ids — so receivers see the same {@code webhook-id} and can
 * deduplicate: one at a time, or every failure of a webhook since a time (after a receiver's outage).
 */
@ApplicationScoped
public class Redelivery {

    private static final Logger LOG = Logger.getLogger(Redelivery.class.getName());

    @Inject
    DeliveryRepository outbox;

    @Inject
    DeliveryLog log;

    /** How a request to redeliver one delivery ended. */
    public enum Outcome {
        /** Pending again, due now. */
        REDELIVERED,
        /** No such delivery. */
        NOT_FOUND,
        /** Still pending or in flight, or it has no body because its payload never rendered. */
        NOT_FINISHED
    }

    public Outcome redeliver(String id) {
        if (outbox.redeliver(id)) {
            LOG.info(() -> "Delivery " + id + " redelivered on request");
            return Outcome.REDELIVERED;
        }
        return log.find(id).isPresent() ? Outcome.NOT_FINISHED : Outcome.NOT_FOUND;
    }

    /**
     * Redelivers every failed and dead delivery of the webhook whose change happened at or after the time.
     *
     * @return how many were redelivered
     */
    public int recover(long webhookId, Instant since) {
        int recovered = outbox.redeliverFailed(webhookId, since);
        LOG.info(() -> "Recovered " + recovered + " deliveries of webhook " + webhookId + " since " + since);
        return recovered;
    }
}
