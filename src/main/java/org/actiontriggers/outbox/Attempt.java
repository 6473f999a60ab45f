package org.actiontriggers.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.ExcludeDefaultListeners;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One HTTP attempt of a {@link Delivery}, read through JPA; written only through {@link DeliveryRepository}. */
@Entity
@Table(name = "action_triggers_attempt")
@ExcludeDefaultListeners
public class Attempt {

    @Id
    private Long id;

    @ManyToOne
    @JoinColumn(name = "delivery_id")
    private Delivery delivery;

    @Column(name = "attempted_at")
    private OffsetDateTime attemptedAt;

    @Column(name = "url")
    private String url;

    @Column(name = "status_code")
    private Integer statusCode;

    @Column(name = "error_kind")
    private String errorKind;

    @Column(name = "error")
    private String error;

    @Column(name = "latency_millis")
    private long latencyMillis;

    @Column(name = "response_body")
    private String responseBody;

    protected Attempt() {}

    public Long getId() {
        return id;
    }

    public OffsetDateTime getAttemptedAt() {
        return attemptedAt;
    }

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
