package org.actiontriggers.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The console's defence against cross-site requests: a random token per session that every changing console
 * request — the sign-in and sign-out forms included — must send back as {@value #PARAMETER}. Faces' own view
 * state protects a postback only while the host keeps server-side state saving (Mojarra's server-side ids are
 * random and session-bound; client-side state is not bound to a session) and never protects plain forms, so the
 * console does not rely on it. A cross-site page can make the browser post, but cannot read the token.
 */
public final class CsrfToken {

    /** The form field that carries the token. */
    public static final String PARAMETER = "action-triggers-csrf";

    private static final String ATTRIBUTE = CsrfToken.class.getName();
    private static final SecureRandom RANDOM = new SecureRandom();

    private CsrfToken() {}

    /** This session's token, made on first ask (which starts a session). */
    public static String of(HttpServletRequest request) {
        HttpSession session = request.getSession();
        Object token = session.getAttribute(ATTRIBUTE);
        if (token instanceof String t) {
            return t;
        }
        return renew(session);
    }

    /** Whether the request carries its session's token. */
    public static boolean matches(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        String given = request.getParameter(PARAMETER);
        if (session == null || given == null || !(session.getAttribute(ATTRIBUTE) instanceof String expected)) {
            return false;
        }
        return MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.US_ASCII), given.getBytes(StandardCharsets.US_ASCII));
    }

    /** A new token for the session: after signing in, the one shown to the anonymous visitor is void. */
    static String renew(HttpSession session) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        session.setAttribute(ATTRIBUTE, token);
        return token;
    }
}
