package org.actiontriggers.outbox;

import java.time.OffsetDateTime;

/**
 * One attempt of a {@link Delivery} as the log reads it (through {@link AttemptTable}); written only through
 * {@link DeliveryRepository}. Getters, for the console's Expression Language.
 */
public final class Attempt {

    private final long id;
    private final OffsetDateTime attemptedAt;
    private final String url;
    private final Integer statusCode;
    private final String errorKind;
    private final String error;
    private final long latencyMillis;
    private final String responseBody;

    Attempt(
            long id,
            OffsetDateTime attemptedAt,
            String url,
            Integer statusCode,
            String errorKind,
            String error,
            long latencyMillis,
            String responseBody) {
        this.id = id;
        this.attemptedAt = attemptedAt;
        this.url = url;
        this.statusCode = statusCode;
        this.errorKind = errorKind;
        this.error = error;
        this.latencyMillis = latencyMillis;
        this.responseBody = responseBody;
    }

    public long getId() {
        return id;
    }

    public OffsetDateTime getAttemptedAt() {
        return attemptedAt;
    }

    /** Where it went: the webhook's URL, or {@code broker:<name>}. */
    public String getUrl() {
        return url;
    }

    public Integer getStatusCode() {
        return statusCode;
    }

    public String getErrorKind() {
        return errorKind;
    }

    public String getError() {
        return error;
    }

    public long getLatencyMillis() {
        return latencyMillis;
    }

    public String getResponseBody() {
        return responseBody;
    }
}
