package org.actiontriggers.access;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A console sign-in of the built-in mechanism holds only with this cookie of ours next to the session: {@code
 * HttpOnly}, {@code SameSite=Strict}, {@code Secure} whenever the request came over TLS, limited to our paths.
 * The session cookie belongs to the host application, which may configure it as it likes (or have pages that
 * leak it); our own cookie gives the console these properties without touching the host's. The session keeps
 * only a digest of the value.
 */
final class SignInCookie {

    static final String NAME = "action-triggers-sign-in";
    private static final SecureRandom RANDOM = new SecureRandom();

    private SignInCookie() {}

    /** Sets a new cookie on the response; the digest to keep in the session. */
    static String issue(HttpServletRequest request, HttpServletResponse response) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        response.addHeader("Set-Cookie", header(request.getContextPath(), value, request.isSecure(), false));
        return digest(value);
    }

    /** Whether the request carries the cookie whose digest the session kept. */
    static boolean presented(HttpServletRequest request, String digest) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null || digest == null) {
            return false;
        }
        for (Cookie c : cookies) {
            if (NAME.equals(c.getName())
                    && MessageDigest.isEqual(
                            digest(c.getValue()).getBytes(StandardCharsets.US_ASCII),
                            digest.getBytes(StandardCharsets.US_ASCII))) {
                return true;
            }
        }
        return false;
    }

    /** Removes the cookie from the browser. */
    static void clear(HttpServletRequest request, HttpServletResponse response) {
        response.addHeader("Set-Cookie", header(request.getContextPath(), "", request.isSecure(), true));
    }

    /**
     * The {@code Set-Cookie} header, written out rather than through {@code Cookie.setAttribute}: whether a
     * server writes a {@code SameSite} set that way differs between servers and versions.
     */
    static String header(String contextPath, String value, boolean secure, boolean expired) {
        return NAME + "=" + value + "; Path=" + contextPath + Paths.BASE + "/"
                + (expired ? "; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT" : "")
                + "; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "");
    }

    private static String digest(String value) {
        try {
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(sha);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
