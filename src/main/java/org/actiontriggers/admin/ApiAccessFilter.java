package org.actiontriggers.admin;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import org.actiontriggers.access.AccessSettings;
import org.actiontriggers.access.AdminAuthenticationMechanism;
import org.actiontriggers.access.Caller;
import org.actiontriggers.access.Grant;

/**
 * Lets a call to the admin API through only with our roles: reading ({@code GET}, {@code HEAD}) needs the
 * viewer or admin role, everything else the admin role. Bound by name to the API's resources ({@link
 * AdminApi}) and a {@link Provider}, so it guards them under every path that reaches them — ours, or a host
 * {@code Application}'s that publishes every root resource of the WAR — and touches no resource of the host's.
 * Refusals are RFC 9457 problem documents, like every other refusal of the API; a caller the built-in
 * mechanism throttled gets 429 with {@code Retry-After}.
 */
@Provider
@AdminApi
@Priority(Priorities.AUTHORIZATION)
public class ApiAccessFilter implements ContainerRequestFilter {

    @Context
    HttpServletRequest request;

    @Override
    public void filter(ContainerRequestContext call) {
        // looked up, not injected: whether a discovered provider is a CDI bean differs between JAX-RS runtimes
        Caller caller = CDI.current().select(Caller.class).get();
        Grant grant = caller.grantOf(request);
        boolean reading = HttpMethod.GET.equals(call.getMethod()) || HttpMethod.HEAD.equals(call.getMethod());
        if (reading ? grant.mayRead() : grant.mayChange()) {
            return;
        }
        AccessSettings roles = caller.settings();
        if (grant == Grant.ANONYMOUS
                && request.getAttribute(AdminAuthenticationMechanism.THROTTLED) instanceof Long wait) {
            call.abortWith(new Problem(
                            Problem.TOO_MANY_SIGN_INS,
                            "Too many failed sign-ins",
                            429,
                            "too many failed sign-ins for this user or from this address; try again in " + wait + " s",
                            List.of())
                    .toResponseBuilder()
                    .header(HttpHeaders.RETRY_AFTER, wait)
                    .build());
            return;
        }
        if (grant == Grant.ANONYMOUS) {
            Response.ResponseBuilder refusal = new Problem(
                            Problem.UNAUTHENTICATED,
                            "Authentication required",
                            401,
                            "sign in as a user with the role " + roles.adminRole() + " (or " + roles.viewerRole()
                                    + ", to read)",
                            List.of())
                    .toResponseBuilder();
            if (caller.builtIn()) {
                refusal.header(HttpHeaders.WWW_AUTHENTICATE, AdminAuthenticationMechanism.BASIC_CHALLENGE);
            }
            call.abortWith(refusal.build());
            return;
        }
        call.abortWith(new Problem(
                        Problem.FORBIDDEN,
                        "Forbidden",
                        403,
                        "your role may not do this; "
                                + (reading ? "reading needs " + roles.viewerRole() + " or " : "changes need ")
                                + roles.adminRole(),
                        List.of())
                .toResponse());
    }
}
