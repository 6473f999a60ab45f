package org.actiontriggers.outbox;

import java.time.Duration;
import java.time.Instant;

/**
 * One HTTP attempt as it goes on record.
 *
 * @param statusCode the HTTP status, or {@code null} when no response came
 * @param errorKind {@code timeout}, {@code connection}, … when no response came, else {@code null}
 * @param responseBody the first bytes of the response body (capped), or {@code null}
 */
public record AttemptRecord(
        String deliveryId,
        Instant attemptedAt,
        String url,
        Integer statusCode,
        String errorKind,
        String error,
        Duration latency,
        String responseBody) {}
