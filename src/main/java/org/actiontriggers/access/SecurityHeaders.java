package org.actiontriggers.access;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The response headers of the console and the admin API — only theirs: the host application's own pages
 * keep whatever it sends.
 *
 * <p>The console's Content-Security-Policy allows scripts and styles from our own files only, no inline script
 * or style: its pages use no {@code f:ajax}, {@code h:commandLink} or {@code on…} attribute, the three things
 * for which Mojarra (4.0, Payara's and WildFly's Faces) writes inline JavaScript ({@code mojarra.ab(…)}, {@code
 * mojarra.jsfcljs(…)}) and which it cannot mark with a nonce. The one confirmation dialog comes from {@code
 * console.js}. The API answers JSON only, so its policy allows nothing at all.
 */
public final class SecurityHeaders {

    /** The console's policy. */
    public static final String CONSOLE_POLICY = "default-src 'none'; script-src 'self'; style-src 'self';"
            + " img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    /** The API's policy: a JSON document needs nothing, and no one may frame it. */
    public static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

    private SecurityHeaders() {}

    /** The headers of a console answer. */
    public static void console(BiConsumer<String, String> header) {
        common(CONSOLE_POLICY).forEach(header);
        header.accept("Cache-Control", "no-store");
    }

    /** The headers of an API answer. */
    public static void api(BiConsumer<String, String> header) {
        common(API_POLICY).forEach(header);
    }

    private static Map<String, String> common(String policy) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Security-Policy", policy);
        headers.put("X-Frame-Options", "DENY");
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Referrer-Policy", "no-referrer");
        return headers;
    }
}
