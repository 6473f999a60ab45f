package org.actiontriggers.settings;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Upper bounds on what admin-written configs and receivers can make this application store, send or read,
 * so that one config cannot exhaust memory, the outbox or a receiver.
 *
 * @param maxPayloadBytes a rendered body larger than this fails its delivery instead of being stored
 * @param maxHeaders headers per webhook, counted when saved and again when sent
 * @param maxHeaderBytes bytes of one header's name and value, checked when saved and again after dynamic
 *     values are resolved
 * @param maxResponseBodyBytes how much of a receiver's answer is kept in the attempt log (at most 4096, the
 *     column's size); the rest is read and dropped
 * @param maxWebhooksPerConfig webhooks one config may have
 */
public record Limits(
        long maxPayloadBytes, int maxHeaders, int maxHeaderBytes, int maxResponseBodyBytes, int maxWebhooksPerConfig) {

    /** The largest response body the attempt log can hold. */
    public static final int RESPONSE_BODY_COLUMN = 4096;

    public static final Limits DEFAULTS = new Limits(256 * 1024, 32, 8 * 1024, RESPONSE_BODY_COLUMN, 10);

    /**
     * What in one config exceeds a limit, one message per problem, naming the setting; empty when none.
     *
     * @param headersPerWebhook the headers of each of the config's webhooks
     */
    public List<String> problems(List<Map<String, String>> headersPerWebhook) {
        List<String> problems = new ArrayList<>();
        if (headersPerWebhook.size() > maxWebhooksPerConfig) {
            problems.add("a config may have at most " + maxWebhooksPerConfig + " webhooks ("
                    + Settings.MAX_WEBHOOKS_PER_CONFIG + "), this one has "
                    + headersPerWebhook.size());
        }
        for (Map<String, String> headers : headersPerWebhook) {
            problems.addAll(headerProblems(headers));
        }
        return problems;
    }

    /**
     * What in these headers exceeds a limit; names the header, never its value (which may be a secret once
     * resolved).
     */
    public List<String> headerProblems(Map<String, String> headers) {
        List<String> problems = new ArrayList<>();
        if (headers.size() > maxHeaders) {
            problems.add("a webhook may have at most " + maxHeaders + " headers (" + Settings.MAX_HEADERS
                    + "), this one has " + headers.size());
        }
        headers.forEach((name, value) -> {
            int bytes = utf8Length(name) + utf8Length(value);
            if (bytes > maxHeaderBytes) {
                problems.add("header '" + printable(name) + "' is " + bytes + " bytes, more than the " + maxHeaderBytes
                        + " of " + Settings.MAX_HEADER_SIZE);
            }
        });
        return problems;
    }

    /** The problem with a rendered body's size, or {@code null}. */
    public String payloadProblem(String body) {
        long bytes = utf8Length(body);
        return bytes > maxPayloadBytes
                ? "the rendered payload is " + bytes + " bytes, more than the " + maxPayloadBytes + " of "
                        + Settings.MAX_PAYLOAD_SIZE
                : null;
    }

    private static int utf8Length(String text) {
        return text == null ? 0 : text.getBytes(StandardCharsets.UTF_8).length;
    }

    private static String printable(String name) {
        String shortened = name.length() > 64 ? name.substring(0, 64) + "…" : name;
        return shortened.replaceAll("\\p{Cntrl}", "?");
    }
}
