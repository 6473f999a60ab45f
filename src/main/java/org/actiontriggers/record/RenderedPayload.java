package org.actiontriggers.record;

/**
 * A request body ready to send, with its media type: {@code application/json} for a JSON payload template
 * or the default payload, {@code text/plain; charset=UTF-8} for a text template.
 */
public record RenderedPayload(String body, String contentType) {

    public static final String JSON = "application/json";
    public static final String TEXT = "text/plain; charset=UTF-8";
}
