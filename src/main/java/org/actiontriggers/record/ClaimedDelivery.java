package org.actiontriggers.record;

import java.time.Instant;
import java.util.Map;
import org.actiontriggers.config.HttpMethod;

/**
 * A delivery this instance has claimed and may now send, until its lease runs out.
 *
 * @param failedRounds how many rounds of the retry schedule have failed so far
 * @param ordered whether a later delivery of the same webhook and entity waits for this one
 */
public record ClaimedDelivery(
        String id,
        long webhookId,
        HttpMethod httpMethod,
        String url,
        Map<String, String> headers,
        Double timeoutSecs,
        String body,
        String contentType,
        Instant createdAt,
        int failedRounds,
        boolean ordered) {}
