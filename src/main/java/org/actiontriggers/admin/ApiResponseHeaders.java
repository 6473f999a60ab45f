package org.actiontriggers.admin;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import org.actiontriggers.access.SecurityHeaders;

/**
 * Adds the API's security headers ({@link SecurityHeaders#api}) to every answer of its resources, refusals
 * included. Bound by name, like {@link ApiAccessFilter}, so a host's resources keep their own headers.
 */
@Provider
@AdminApi
public class ApiResponseHeaders implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        SecurityHeaders.api(response.getHeaders()::putSingle);
    }
}
