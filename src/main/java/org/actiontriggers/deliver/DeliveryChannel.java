package org.actiontriggers.deliver;

import org.actiontriggers.outbox.ClaimedDelivery;
import org.actiontriggers.trigger.Destination;

/**
 * Sends deliveries of one kind of destination: one CDI bean per kind, found by {@link DeliveryChannels}, so
 * a new kind brings its channel and the dispatcher does not change.
 *
 * @param <D> the kind of destination this channel sends to
 */
public interface DeliveryChannel<D extends Destination> {

    /** The kind of destination this channel sends to. */
    Class<D> destinationType();

    /** Runs one round; never throws for a delivery problem, it reports it as the outcome. */
    DeliveryOutcome deliver(ClaimedDelivery delivery, D destination);
}
