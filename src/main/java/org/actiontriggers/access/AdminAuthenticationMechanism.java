package org.actiontriggers.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;

/**
 * The built-in authentication mechanism, used when the host application has none of its own ({@link
 * SecurityChoice}; Jakarta Security allows one). It acts only under {@link Paths#BASE}: the admin API keeps
 * stateless HTTP Basic, while the console signs people in with a form and remembers them in the HTTP session.
 * Both check the same {@link AdminIdentityStore}. Who may do what is decided afterwards, by {@link Caller}.
 *
 * <p>The console's form posts to {@link Paths#SIGN_IN}; {@link Paths#SIGN_OUT} ends the session. A console
 * page asked for without a session is sent to the sign-in page ({@link #sendToSignIn}) and, after signing in,
 * back to itself. Both forms must carry the session's {@link CsrfToken}; a sign-in changes the session id,
 * renews that token and sets our own {@link SignInCookie}, without which the session's sign-in does not count.
 * Failed sign-ins are throttled ({@link SignInThrottle}) before any password is checked.
 */
@ApplicationScoped
public class AdminAuthenticationMechanism implements HttpAuthenticationMechanism {

    private static final String CALLER = AdminAuthenticationMechanism.class.getName() + ".caller";
    private static final String WANTED = AdminAuthenticationMechanism.class.getName() + ".wanted";
    /** The challenge of a 401 from the admin API while this mechanism is in use. */
    public static final String BASIC_CHALLENGE = "Basic realm=\"Action Triggers\"";

    /** The request attribute that says how many seconds a throttled caller must wait (a {@code Long}). */
    public static final String THROTTLED = AdminAuthenticationMechanism.class.getName() + ".throttled";

    /**
     * Who signed in to the console, kept in their session.
     *
     * @param cookie the digest of the {@link SignInCookie} issued at sign-in
     */
    private record SignedIn(String name, Set<String> groups, String cookie) implements Serializable {}

    @Inject
    IdentityStoreHandler identityStore;

    @Inject
    SignInThrottle throttle;

    @Inject
    AdminAccounts accounts;

    @Override
    public AuthenticationStatus validateRequest(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith(Paths.CONSOLE) || path.equals(Paths.CONSOLE.substring(0, Paths.CONSOLE.length() - 1))) {
            return console(path, request, response, context);
        }
        if (path.startsWith(Paths.BASE + "/")) {
            return basic(request, response, context);
        }
        return context.doNothing();
    }

    /**
     * Sends a console visitor who is not signed in to the sign-in page, remembering the page they wanted (a GET
     * only) to return there afterwards.
     */
    public static void sendToSignIn(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if ("GET".equals(request.getMethod())) {
            String query = request.getQueryString();
            request.getSession().setAttribute(WANTED, request.getRequestURI() + (query == null ? "" : "?" + query));
        }
        response.sendRedirect(request.getContextPath() + Paths.SIGN_IN_PAGE);
    }

    private AuthenticationStatus basic(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        String[] credentials = basicCredentials(request.getHeader("Authorization"));
        if (credentials != null) {
            CredentialValidationResult result =
                    throttled(credentials[0], credentials[1], request, SignInThrottle.Via.API);
            if (result.getStatus() == CredentialValidationResult.Status.VALID) {
                return context.notifyContainerAboutLogin(result.getCallerPrincipal(), result.getCallerGroups());
            }
        }
        if (context.isProtected()) {
            response.setHeader("WWW-Authenticate", BASIC_CHALLENGE);
            return context.responseUnauthorized();
        }
        return context.doNothing();
    }

    private AuthenticationStatus console(
            String path, HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        if (path.equals(Paths.SIGN_IN) && "POST".equals(request.getMethod())) {
            return signIn(request, response, context);
        }
        if (path.equals(Paths.SIGN_OUT)) {
            if (!"POST".equals(request.getMethod()) || !CsrfToken.matches(request)) {
                // a cross-site page must not sign people out either; the page's own form carries the token
                return context.redirect(request.getContextPath() + Paths.CONSOLE);
            }
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            SignInCookie.clear(request, response);
            return context.redirect(request.getContextPath() + Paths.SIGN_IN_PAGE + "?signed-out");
        }
        HttpSession session = request.getSession(false);
        if (session != null
                && session.getAttribute(CALLER) instanceof SignedIn caller
                && SignInCookie.presented(request, caller.cookie())) {
            return context.notifyContainerAboutLogin(caller.name(), caller.groups());
        }
        return context.doNothing();
    }

    private AuthenticationStatus signIn(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        String page = request.getContextPath() + Paths.SIGN_IN_PAGE;
        if (!CsrfToken.matches(request)) {
            // a form from another site, or one that outlived its session: nothing is checked, nothing counted
            return context.redirect(page + "?expired");
        }
        String username = request.getParameter("username");
        String password = request.getParameter("password");
        CredentialValidationResult result = username == null || password == null || username.isBlank()
                ? CredentialValidationResult.INVALID_RESULT
                : throttled(username.trim(), password, request, SignInThrottle.Via.CONSOLE);
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            return context.redirect(
                    page + (request.getAttribute(THROTTLED) instanceof Long wait ? "?wait=" + wait : "?failed"));
        }
        HttpSession session = request.getSession();
        Object wanted = session.getAttribute(WANTED);
        session.removeAttribute(WANTED);
        request.changeSessionId();
        HttpSession signedIn = request.getSession();
        CsrfToken.renew(signedIn);
        signedIn.setAttribute(
                CALLER,
                new SignedIn(
                        result.getCallerPrincipal().getName(),
                        Set.copyOf(result.getCallerGroups()),
                        SignInCookie.issue(request, response)));
        String target = wanted instanceof String w && w.startsWith(request.getContextPath() + Paths.CONSOLE)
                ? w
                : request.getContextPath() + Paths.CONSOLE;
        return context.redirect(target);
    }

    /**
     * Checks the credentials unless this caller must wait ({@link SignInThrottle}); a refusal sets {@link
     * #THROTTLED} for whoever answers the request.
     */
    private CredentialValidationResult throttled(
            String username, String password, HttpServletRequest request, SignInThrottle.Via via) {
        String address = request.getRemoteAddr();
        var wait = throttle.refusal(username, accounts::exists, address, via);
        if (wait.isPresent()) {
            request.setAttribute(THROTTLED, SignInThrottle.seconds(wait.get()));
            return CredentialValidationResult.INVALID_RESULT;
        }
        CredentialValidationResult result =
                identityStore.validate(new UsernamePasswordCredential(username, new Password(password)));
        if (result.getStatus() == CredentialValidationResult.Status.VALID) {
            throttle.succeeded(username, address);
        } else {
            throttle.failed(username, accounts::exists, address, via)
                    .ifPresent(lock -> request.setAttribute(THROTTLED, SignInThrottle.seconds(lock)));
        }
        return result;
    }

    /** User name and password of a Basic {@code Authorization} header, or {@code null} when it holds none. */
    static String[] basicCredentials(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = decoded.indexOf(':');
        return colon < 0 ? null : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
    }
}
