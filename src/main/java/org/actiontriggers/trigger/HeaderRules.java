package org.actiontriggers.trigger;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a webhook's configured header must be for the sender to send it as configured — the one source of
 * the rule for the validation, which refuses a header at write time, and the sender, which applies it again
 * at send time to whatever the database holds (and to dynamic values, known only then). Whatever the sender
 * would drop or fail on is refused when the trigger is saved, never discovered from a delivery.
 *
 * <p>HTTP header names are case-insensitive, so two configured names that differ only in case are one header
 * given twice.
 */
public final class HeaderRules {

    /** RFC 9110 token characters: what a header name may consist of. */
    private static final Pattern NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    /** Visible characters, spaces and tabs: no CR, LF or other control character can split a header. */
    private static final Pattern VALUE = Pattern.compile("[\\t\\x20-\\x7e\\x80-\\x{10FFFF}]*");

    private static final String HOP_BY_HOP = "it describes the connection, which the HTTP client manages";
    private static final String FROM_REQUEST = "the HTTP client sets it from the request";
    private static final String SIGNING = "the sender sets it to sign the request (Standard Webhooks)";

    /** Set by the HTTP client or by the sender, or meant for a proxy (none is used): a configured value is dropped. */
    private static final Map<String, String> SET_BY_SENDER = Map.ofEntries(
            Map.entry("connection", HOP_BY_HOP),
            Map.entry("keep-alive", HOP_BY_HOP),
            Map.entry("proxy-connection", HOP_BY_HOP),
            Map.entry("te", HOP_BY_HOP),
            Map.entry("trailer", HOP_BY_HOP),
            Map.entry("transfer-encoding", HOP_BY_HOP),
            Map.entry("upgrade", HOP_BY_HOP),
            Map.entry("content-length", FROM_REQUEST),
            Map.entry("expect", FROM_REQUEST),
            Map.entry("host", FROM_REQUEST),
            Map.entry("proxy-authorization", "it is meant for a proxy, and webhooks are sent without one"),
            Map.entry("webhook-id", SIGNING),
            Map.entry("webhook-timestamp", SIGNING),
            Map.entry("webhook-signature", SIGNING));

    private HeaderRules() {}

    /** The names, in lower case, whose configured value the sender drops. */
    public static Set<String> setBySender() {
        return SET_BY_SENDER.keySet();
    }

    /** Whether the sender drops a configured header of this name, whatever its case. */
    public static boolean isSetBySender(String name) {
        return name != null && SET_BY_SENDER.containsKey(name.toLowerCase(Locale.ROOT));
    }

    /** Whether HTTP allows the name. */
    public static boolean isValidName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    /** Whether the value can be sent as it is: no line break or other control character but tab. */
    public static boolean isValidValue(String value) {
        return value != null && VALUE.matcher(value).matches();
    }

    /** Whether two names denote the same header. */
    public static boolean sameName(String one, String other) {
        return one != null && one.equalsIgnoreCase(other);
    }

    /** Why a header of this name cannot be configured, or empty when it can. */
    public static Optional<String> nameProblem(String name) {
        if (!isValidName(name)) {
            return Optional.of("'" + name + "' is not a valid HTTP header name");
        }
        String why = SET_BY_SENDER.get(name.toLowerCase(Locale.ROOT));
        return why == null
                ? Optional.empty()
                : Optional.of("'" + name + "' cannot be configured: " + why + ", so the sender would drop it");
    }

    /** Why a configured value cannot be sent as it is, or empty when it can. */
    public static Optional<String> valueProblem(String value) {
        if (value == null) {
            return Optional.of("must be a string");
        }
        return isValidValue(value)
                ? Optional.empty()
                : Optional.of("must not contain line breaks or other control characters");
    }

    /** Why a header of this name cannot be added to those configured before it, or empty when it can. */
    public static Optional<String> duplicateProblem(String name, Collection<String> earlier) {
        return earlier.stream()
                .filter(other -> sameName(other, name))
                .findFirst()
                .map(other -> other.equals(name)
                        ? "is given twice"
                        : "is the same header as '" + other + "' (header names ignore case)");
    }
}
