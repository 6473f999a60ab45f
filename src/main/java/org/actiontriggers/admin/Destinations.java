package org.actiontriggers.admin;

import java.util.Locale;
import org.actiontriggers.outbox.DestinationRef;
import org.actiontriggers.policy.DestinationKey;
import org.actiontriggers.policy.DestinationPolicy;

/**
 * The {@code {kind}/{name}} path segments ({@code webhook/<id>} or {@code broker/<name>}) of the destination
 * endpoints beside {@code DestinationsResource}, read alike.
 */
final class Destinations {

    private Destinations() {}

    /**
     * The destination the segment names, when the policy knows it (a webhook, a defined broker, or one with a
     * stored state).
     *
     * @throws ProblemException 404 for a malformed path or an unknown destination
     */
    static DestinationRef known(String kind, String name, DestinationPolicy policy) {
        DestinationKey key;
        try {
            key = DestinationKey.parse(kind.toLowerCase(Locale.ROOT) + ":" + name);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(
                    Problem.notFound("a destination is /destinations/webhook/{id} or /destinations/broker/{name}"));
        }
        if (policy.find(key).isEmpty()) {
            throw new ProblemException(Problem.notFound("there is no destination " + key));
        }
        return key.isWebhook() ? DestinationRef.webhook(key.webhookId()) : DestinationRef.broker(key.brokerName());
    }
}
