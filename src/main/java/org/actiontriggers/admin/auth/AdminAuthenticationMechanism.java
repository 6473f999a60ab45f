package org.actiontriggers.admin.auth;

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
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;

/**
 * The one authentication mechanism of the application (Jakarta Security allows one), choosing by path: the
 * admin API under {@code /api} keeps stateless HTTP Basic — a 401 with {@code WWW-Authenticate} when a
 * protected call comes without valid credentials — while the console under {@code /console} signs people in
 * with a form and remembers them in the HTTP session. Both check the same {@link AdminIdentityStore}.
 *
 * <p>The console's form posts to {@value #SIGN_IN}; {@value #SIGN_OUT} ends the session. A protected console
 * page asked for without a session redirects to the sign-in page and, after signing in, back to itself.
 */
@ApplicationScoped
public class AdminAuthenticationMechanism implements HttpAuthenticationMechanism {

    static final String CONSOLE = "/console/";
    static final String SIGN_IN = "/console/sign-in";
    static final String SIGN_OUT = "/console/sign-out";
    static final String SIGN_IN_PAGE = "/console/login.xhtml";
    private static final String CALLER = AdminAuthenticationMechanism.class.getName() + ".caller";
    private static final String WANTED = AdminAuthenticationMechanism.class.getName() + ".wanted";
    private static final String BASIC_CHALLENGE = "Basic realm=\"Action Triggers\"";

    /** Who signed in to the console, kept in their session. */
    private record SignedIn(String name, Set<String> groups) implements Serializable {}

    @Inject
    IdentityStoreHandler identityStore;

    @Override
    public AuthenticationStatus validateRequest(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith(CONSOLE) || path.equals("/console")) {
            return console(path, request, response, context);
        }
        return basic(request, response, context);
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
        if (path.equals(SIGN_IN) && "POST".equals(request.getMethod())) {
            return signIn(request, context);
        }
        if (path.equals(SIGN_OUT)) {
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            return context.redirect(request.getContextPath() + SIGN_IN_PAGE + "?signed-out");
        }
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(CALLER) instanceof SignedIn caller) {
            return context.notifyContainerAboutLogin(caller.name(), caller.groups());
        }
        if (context.isProtected()) {
            if ("GET".equals(request.getMethod())) {
                String query = request.getQueryString();
                request.getSession().setAttribute(WANTED, request.getRequestURI() + (query == null ? "" : "?" + query));
            }
            return context.redirect(request.getContextPath() + SIGN_IN_PAGE);
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
            return context.redirect(request.getContextPath() + SIGN_IN_PAGE + "?failed");
        }
        HttpSession session = request.getSession();
        Object wanted = session.getAttribute(WANTED);
        session.removeAttribute(WANTED);
        request.changeSessionId();
        request.getSession()
                .setAttribute(
                        CALLER,
                        new SignedIn(result.getCallerPrincipal().getName(), Set.copyOf(result.getCallerGroups())));
        String target = wanted instanceof String w && w.startsWith(request.getContextPath() + CONSOLE)
                ? w
                : request.getContextPath() + CONSOLE;
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
