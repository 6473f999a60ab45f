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
import org.actiontriggers.access.CsrfToken;
import org.actiontriggers.access.Grant;
import org.actiontriggers.access.Paths;
import org.actiontriggers.access.SecurityHeaders;

/**
 * Guards the console's pages (mapped to {@code /action-triggers/console/*} in the library's {@code
 * META-INF/web-fragment.xml}): a visitor who is not signed in is sent to sign in — the built-in sign-in page,
 * or the host's own mechanism through {@code HttpServletRequest.authenticate} — and only our roles see a page;
 * the editing pages under {@code edit/} need the admin role; a changing request needs the session's {@link
 * CsrfToken}; every answer carries the console's security headers ({@link SecurityHeaders}). No security constraint of ours is involved, so
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
        SecurityHeaders.console(response::setHeader);
        if (path.equals(Paths.CONSOLE) || path.equals(Paths.CONSOLE.substring(0, Paths.CONSOLE.length() - 1))) {
            response.sendRedirect(request.getContextPath() + HOME);
            return;
        }
        if (path.equals(Paths.CONSOLE + "console.css") || path.equals(Paths.CONSOLE + "console.js")) {
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
            CsrfToken.of(request);
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
        if (!(editing ? grant.mayChange() : grant.mayRead())) {
            forbidden(request, response, grant);
            return;
        }
        boolean reading = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
        if (!reading && !CsrfToken.matches(request)) {
            refuseForgery(request, response, path);
            return;
        }
        // made before the page renders, while a session can still be started: its forms carry the token
        CsrfToken.of(request);
        chain.doFilter(request, response);
    }

    /**
     * A changing request without the session's {@link CsrfToken}: a form posted from another site, or one
     * older than its session. Nothing is done; the page says so.
     */
    private static void refuseForgery(HttpServletRequest request, HttpServletResponse response, String path)
            throws IOException {
        LOG.warning(() -> "Refused a " + request.getMethod() + " to " + path + " from " + request.getRemoteAddr()
                + " without the console's form token (a cross-site request, or a form older than its session)");
        page(
                request,
                response,
                HttpServletResponse.SC_FORBIDDEN,
                "Not sent by the console",
                "<p id=\"forged\">This request did not come from a console page of this session, so nothing was done."
                        + " If you sent it, open the page again and repeat.</p>");
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
        String admin = caller.settings().adminRole();
        String why = grant == Grant.VIEWER
                ? "Your role may only read: changes need an administrator (" + admin + ")."
                : "The console needs the role " + admin + " or "
                        + caller.settings().viewerRole() + ".";
        page(request, response, HttpServletResponse.SC_FORBIDDEN, "Not allowed", "<p id=\"forbidden\">" + why + "</p>");
    }

    private static void page(
            HttpServletRequest request, HttpServletResponse response, int status, String title, String body)
            throws IOException {
        response.setStatus(status);
        response.setContentType("text/html; charset=UTF-8");
        String root = request.getContextPath() + Paths.CONSOLE;
        response.getOutputStream()
                .write(("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"UTF-8\"><title>" + title
                                + "</title><link rel=\"stylesheet\" href=\"" + root + "console.css\"></head>"
                                + "<body><main><h1>" + title + "</h1>" + body + "<p><a href=\"" + root
                                + "index.xhtml\">Back to the triggers</a></p></main></body></html>")
                        .getBytes(StandardCharsets.UTF_8));
    }
}
