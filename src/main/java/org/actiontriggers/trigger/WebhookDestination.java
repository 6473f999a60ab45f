package org.actiontriggers.trigger;

import java.util.HashMap;
import java.util.Map;

/**
 * An HTTP request to a webhook, signed with the webhook's keys at send time.
 *
 * @param webhookId the webhook, whose signing keys sign the request
 * @param headers header templates; {@code {{ path }}} references are resolved only at send time, never stored
 * @param timeoutSecs the webhook's own timeout, or {@code null}
 */
public record WebhookDestination(
        long webhookId, HttpMethod httpMethod, String url, Map<String, String> headers, Double timeoutSecs)
        implements Destination {

    /** The {@code kind} column of a webhook request. */
    public static final String KIND = "WEBHOOK";

    /**
     * The webhook id of the operator's alert webhook ({@code action-triggers.alerts.url}): not a stored webhook
     * (their ids start at 1); signed with {@code action-triggers.alerts.signing-secret}.
     */
    public static final long OPERATOR_WEBHOOK_ID = 0;

    public WebhookDestination {
        headers = Map.copyOf(headers);
    }

    static WebhookDestination of(Webhook webhook) {
        return new WebhookDestination(
                webhook.getId(),
                webhook.getHttpMethod(),
                webhook.getUrl(),
                webhook.getHeaders(),
                webhook.getTimeoutSecs());
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String address() {
        return url;
    }

    @Override
    public Map<String, Object> columns() {
        Map<String, Object> columns = new HashMap<>();
        columns.put("kind", KIND);
        columns.put("url", url);
        columns.put("timeout_secs", timeoutSecs);
        columns.put("webhook_id", webhookId);
        columns.put("http_method", httpMethod.name());
        columns.put("headers", HeadersConverter.toJson(headers));
        return columns;
    }

    static WebhookDestination fromRow(Row row) {
        return new WebhookDestination(
                row.number("webhook_id"),
                HttpMethod.valueOf(row.text("http_method")),
                row.text("url"),
                HeadersConverter.fromJson(row.text("headers")),
                row.decimal("timeout_secs"));
    }
}
