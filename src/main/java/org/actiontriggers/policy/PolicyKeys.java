package org.actiontriggers.policy;

import org.actiontriggers.trigger.BrokerQueueDestination;
import org.actiontriggers.trigger.Destination;
import org.actiontriggers.trigger.WebhookDestination;

/** Which policy destination a delivery's destination belongs to; the operator's alert webhook belongs to none. */
final class PolicyKeys {

    private PolicyKeys() {}

    /** The destination's key; {@code null} for the alert webhook, whose outcomes the policy never acts on. */
    static DestinationKey of(Destination destination) {
        if (destination instanceof WebhookDestination w) {
            return w.webhookId() == WebhookDestination.OPERATOR_WEBHOOK_ID
                    ? null
                    : DestinationKey.webhook(w.webhookId());
        }
        return DestinationKey.broker(((BrokerQueueDestination) destination).brokerName());
    }
}
