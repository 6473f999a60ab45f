package org.actiontriggers.deliver;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.actiontriggers.config.HttpMethod;

/**
 * One request ready for the wire; headers are already resolved and must not be logged.
 *
 * @param deliveryId sent as {@code webhook-id}
 * @param timestamp sent as {@code webhook-timestamp}: the time of the change, the same on every attempt
 */
public record SendRequest(
        String deliveryId,
        HttpMethod method,
        String url,
        Map<String, String> headers,
        String body,
        String contentType,
        Duration timeout,
        Instant timestamp) {

    @Override
    public String toString() {
        return "SendRequest[" + deliveryId + " " + method + " " + url + "]";
    }
}
