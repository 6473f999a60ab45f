package org.actiontriggers.admin;

import org.actiontriggers.outbox.DestinationRef;
import org.actiontriggers.policy.DestinationKey;
import org.actiontriggers.policy.DestinationPolicy;

/** The {@code {destination}} path segment ({@code webhook:<id>} or {@code broker:<name>}) of the destination endpoints. */
final class Destinations {

    private Destinations() {}

    /**
     * The destination the segment names, when the policy knows it (a webhook, a defined broker, or one with a
     * stored state).
     *
     * @throws ProblemException 400 for a malformed segment, 404 for an unknown destination
     */
    static DestinationRef known(String segment, DestinationPolicy policy) {
        DestinationKey key;
        try {
            key = DestinationKey.parse(segment);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(Problem.invalidParameter(
                    "destination", "must be webhook:<id> or broker:<name>, not '" + segment + "'"));
        }
        if (policy.find(key).isEmpty()) {
            throw new ProblemException(Problem.notFound("there is no destination " + segment));
        }
        return key.isWebhook() ? DestinationRef.webhook(key.webhookId()) : DestinationRef.broker(key.brokerName());
    }
}
