package org.actiontriggers.deliver;

import java.time.Duration;
import java.util.Map;
import org.actiontriggers.secret.SigningKeys;
import org.actiontriggers.trigger.HttpMethod;

/**
 * One request ready for the wire; headers are already resolved and, like the keys, must not be logged.
 *
 * @param deliveryId sent as {@code webhook-id}, the same on every attempt
 * @param signingKeys the keys that sign this request; none when the webhook's signing is off
 * @param responseCap how many bytes of the response body to keep for the attempt log
 */
public record SendRequest(
        String deliveryId,
        HttpMethod method,
        String url,
        Map<String, String> headers,
        String body,
        String contentType,
        Duration timeout,
        SigningKeys signingKeys,
        int responseCap) {

    @Override
    public String toString() {
        return "SendRequest[" + deliveryId + " " + method + " " + url + "]";
    }
}
