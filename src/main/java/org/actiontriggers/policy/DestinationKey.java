package org.actiontriggers.policy;

import java.util.Objects;

/**
 * Names one destination the policy applies to: {@code webhook:<id>} or {@code broker:<name>} (all queues of a
 * broker share its health). The text form is the table's key and the API's path segment.
 */
public record DestinationKey(String kind, Long webhookId, String brokerName) {

    public static final String WEBHOOK = "WEBHOOK";
    public static final String BROKER = "BROKER";

    public DestinationKey {
        Objects.requireNonNull(kind, "kind");
        if (WEBHOOK.equals(kind) == (webhookId == null) || BROKER.equals(kind) == (brokerName == null)) {
            throw new IllegalArgumentException("a destination is a webhook id or a broker name");
        }
    }

    public static DestinationKey webhook(long id) {
        return new DestinationKey(WEBHOOK, id, null);
    }

    public static DestinationKey broker(String name) {
        return new DestinationKey(BROKER, null, name);
    }

    /**
     * The key its text form names.
     *
     * @throws IllegalArgumentException when the text is neither {@code webhook:<id>} nor {@code broker:<name>}
     */
    public static DestinationKey parse(String text) {
        if (text != null && text.startsWith("webhook:")) {
            try {
                return webhook(Long.parseLong(text.substring("webhook:".length())));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("a webhook destination is webhook:<id>", e);
            }
        }
        if (text != null && text.startsWith("broker:") && text.length() > "broker:".length()) {
            return broker(text.substring("broker:".length()));
        }
        throw new IllegalArgumentException("a destination is webhook:<id> or broker:<name>");
    }

    public boolean isWebhook() {
        return WEBHOOK.equals(kind);
    }

    /** {@code webhook:<id>} or {@code broker:<name>}. */
    @Override
    public String toString() {
        return isWebhook() ? "webhook:" + webhookId : "broker:" + brokerName;
    }
}
