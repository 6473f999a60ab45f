package org.actiontriggers.access;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.annotation.WebListener;
import java.util.logging.Logger;

/**
 * The session cookie is the host application's: we only fill a gap, and only when our built-in mechanism signs
 * callers in (with the host's own sign-in, its session is entirely its business). Then a session cookie without
 * a {@code SameSite} attribute gets {@code SameSite=Lax} — what browsers assume anyway, so nothing of the host's
 * changes, written out so that older browsers do too — and one that is not {@code HttpOnly} (both servers make
 * it so by default: the host chose otherwise) is reported, not changed. {@code Secure} behind TLS and the
 * strict attributes come from our own {@link SignInCookie}, which the console needs next to the session.
 */
@WebListener
public class SessionCookieDefaults implements ServletContextListener {

    private static final Logger LOG = Logger.getLogger(SessionCookieDefaults.class.getName());

    @Inject
    SecurityChoice choice;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        if (!choice.builtIn()) {
            return;
        }
        SessionCookieConfig cookie = event.getServletContext().getSessionCookieConfig();
        try {
            if (cookie.getAttribute("SameSite") == null) {
                cookie.setAttribute("SameSite", "Lax");
            }
        } catch (IllegalStateException | UnsupportedOperationException e) {
            LOG.info(() -> "The session cookie's SameSite attribute could not be set (" + e + ")");
        }
        if (!cookie.isHttpOnly()) {
            LOG.warning("The application's session cookie is not HttpOnly: scripts of its pages can read it. The"
                    + " console also needs its own HttpOnly cookie, so its sign-in holds; the application's own"
                    + " pages do not");
        }
    }
}
