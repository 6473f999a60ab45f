package org.actiontriggers.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The one answer to "what may this caller do", asked by the API's filter, the console's filter and its pages,
 * so no URL pattern decides it: our resources answer only to our roles under whatever path reaches them.
 *
 * <p>With the built-in mechanism the caller's account says it directly — no server needs a group-to-role
 * mapping for our own accounts. With the host's mechanism the container's {@code isUserInRole} decides, for the
 * role names of {@value AccessSettings#ADMIN_ROLE} and {@value AccessSettings#VIEWER_ROLE}.
 */
@ApplicationScoped
public class Caller {

    @Inject
    SecurityChoice choice;

    @Inject
    AdminAccounts accounts;

    private volatile AccessSettings settings;

    /** What the caller of this request may do. */
    public Grant grantOf(HttpServletRequest request) {
        Principal principal = request.getUserPrincipal();
        if (principal == null) {
            return Grant.ANONYMOUS;
        }
        if (choice.builtIn()) {
            return accounts.grantOf(principal.getName());
        }
        AccessSettings roles = settings();
        if (request.isUserInRole(roles.adminRole())) {
            return Grant.ADMIN;
        }
        return request.isUserInRole(roles.viewerRole()) ? Grant.VIEWER : Grant.NONE;
    }

    /** Whether the built-in mechanism signs callers in (else the host's does). */
    public boolean builtIn() {
        return choice.builtIn();
    }

    /** The role names in force. */
    public AccessSettings settings() {
        AccessSettings s = settings;
        if (s == null) {
            var config = ConfigProvider.getConfig();
            s = AccessSettings.read(key -> config.getOptionalValue(key, String.class));
            settings = s;
        }
        return s;
    }
}
