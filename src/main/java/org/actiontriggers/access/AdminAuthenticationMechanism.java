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
 * back to itself.
 */
@ApplicationScoped
public class AdminAuthenticationMechanism implements HttpAuthenticationMechanism {

    private static final String CALLER = AdminAuthenticationMechanism.class.getName() + ".caller";
    private static final String WANTED = AdminAuthenticationMechanism.class.getName() + ".wanted";
    /** The challenge of a 401 from the admin API while this mechanism is in use. */
    public static final String BASIC_CHALLENGE = "Basic realm=\"Action Triggers\"";

    /** Who signed in to the console, kept in their session. */
    private record SignedIn(String name, Set<String> groups) implements Serializable {}

    @Inject
    IdentityStoreHandler identityStore;

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
            CredentialValidationResult result = validate(credentials[0], credentials[1]);
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
            return signIn(request, context);
        }
        if (path.equals(Paths.SIGN_OUT)) {
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            return context.redirect(request.getContextPath() + Paths.SIGN_IN_PAGE + "?signed-out");
        }
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(CALLER) instanceof SignedIn caller) {
            return context.notifyContainerAboutLogin(caller.name(), caller.groups());
        }
        return context.doNothing();
    }

    private AuthenticationStatus signIn(HttpServletRequest request, HttpMessageContext context) {
        String username = request.getParameter("username");
        String password = request.getParameter("password");
        CredentialValidationResult result = username == null || password == null || username.isBlank()
                ? CredentialValidationResult.INVALID_RESULT
                : validate(username.trim(), password);
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            return context.redirect(request.getContextPath() + Paths.SIGN_IN_PAGE + "?failed");
        }
        HttpSession session = request.getSession();
        Object wanted = session.getAttribute(WANTED);
        session.removeAttribute(WANTED);
        request.changeSessionId();
        request.getSession()
                .setAttribute(
                        CALLER,
                        new SignedIn(result.getCallerPrincipal().getName(), Set.copyOf(result.getCallerGroups())));
        String target = wanted instanceof String w && w.startsWith(request.getContextPath() + Paths.CONSOLE)
                ? w
                : request.getContextPath() + Paths.CONSOLE;
        return context.redirect(target);
    }

    private CredentialValidationResult validate(String username, String password) {
        return identityStore.validate(new UsernamePasswordCredential(username, new Password(password)));
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
