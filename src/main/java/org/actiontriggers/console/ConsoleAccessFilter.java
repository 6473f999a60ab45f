package org.actiontriggers.console;

import jakarta.faces.webapp.FacesServlet;
import jakarta.inject.Inject;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.Logger;
import org.actiontriggers.access.AdminAuthenticationMechanism;
import org.actiontriggers.access.Caller;
import org.actiontriggers.access.Grant;
import org.actiontriggers.access.Paths;

/**
 * Guards the console's pages (mapped to {@code /action-triggers/console/*} in the library's {@code
 * META-INF/web-fragment.xml}): a visitor who is not signed in is sent to sign in — the built-in sign-in page,
 * or the host's own mechanism through {@code HttpServletRequest.authenticate} — and only our roles see a page;
 * the editing pages under {@code edit/} need the admin role. No security constraint of ours is involved, so
 * the role names can be settings and the host's own constraints stay as they are.
 */
public class ConsoleAccessFilter implements Filter {

    private static final Logger LOG = Logger.getLogger(ConsoleAccessFilter.class.getName());
    private static final String HOME = Paths.CONSOLE + "index.xhtml";

    @Inject
    Caller caller;

    @Override
    public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) servletRequest;
        HttpServletResponse response = (HttpServletResponse) servletResponse;
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.equals(Paths.CONSOLE) || path.equals(Paths.CONSOLE.substring(0, Paths.CONSOLE.length() - 1))) {
            response.sendRedirect(request.getContextPath() + HOME);
            return;
        }
        if (path.equals(Paths.CONSOLE + "console.css")) {
            chain.doFilter(request, response);
            return;
        }
        if (path.startsWith(Paths.CONSOLE + "templates/")
                || (path.equals(Paths.SIGN_IN_PAGE) && !caller.builtIn())
                || !servedByFaces(request, path)) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        if (path.equals(Paths.SIGN_IN_PAGE)) {
            chain.doFilter(request, response);
            return;
        }
        Grant grant = caller.grantOf(request);
        if (grant == Grant.ANONYMOUS) {
            if (caller.builtIn()) {
                AdminAuthenticationMechanism.sendToSignIn(request, response);
                return;
            }
            if (!request.authenticate(response)) {
                if (!response.isCommitted()) {
                    // the mechanism neither signed the caller in nor asked for credentials (HTTP Basic does
                    // not challenge outside a security constraint)
                    response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
                }
                return;
            }
            grant = caller.grantOf(request);
        }
        boolean editing = path.startsWith(Paths.CONSOLE + "edit/");
        if (editing ? grant.mayChange() : grant.mayRead()) {
            chain.doFilter(request, response);
            return;
        }
        forbidden(request, response, grant);
    }

    /**
     * Whether the page is rendered by Faces rather than served as a file: a host that maps the Faces servlet
     * only to, say, {@code *.jsf} would otherwise hand out the pages' source.
     */
    private static boolean servedByFaces(HttpServletRequest request, String path) {
        if (!path.endsWith(".xhtml")) {
            return true;
        }
        String servlet = request.getHttpServletMapping().getServletName();
        ServletRegistration registration =
                servlet == null ? null : request.getServletContext().getServletRegistration(servlet);
        if (registration != null && FacesServlet.class.getName().equals(registration.getClassName())) {
            return true;
        }
        LOG.severe(() -> "The console needs the Faces servlet mapped to *.xhtml (Faces 4.0 maps it so by itself"
                + " unless the application maps it otherwise); " + path + " is served by '" + servlet + "'");
        return false;
    }

    /** A person gets a page in words, with the way back, rather than JSON. */
    private void forbidden(HttpServletRequest request, HttpServletResponse response, Grant grant) throws IOException {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType("text/html; charset=UTF-8");
        String admin = caller.settings().adminRole();
        String why = grant == Grant.VIEWER
                ? "Your role may only read: changes need an administrator (" + admin + ")."
                : "The console needs the role " + admin + " or "
                        + caller.settings().viewerRole() + ".";
        response.getOutputStream()
                .write(("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"UTF-8\"><title>Not allowed"
                                + "</title></head><body style=\"font-family:sans-serif;margin:3rem\">"
                                + "<h1>Not allowed</h1><p id=\"forbidden\">" + why + "</p><p><a href=\""
                                + request.getContextPath() + HOME + "\">Back to the triggers</a></p></body></html>")
                        .getBytes(StandardCharsets.UTF_8));
    }
}
