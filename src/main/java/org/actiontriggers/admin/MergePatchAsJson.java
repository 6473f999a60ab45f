package org.actiontriggers.admin;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/**
 * Hands a merge-patch body to our {@code PATCH} method as plain JSON, which it reads itself. RESTEasy (WildFly)
 * would otherwise answer a {@code application/merge-patch+json} request with its own patch filter: it merges the
 * body into the resource's {@code GET} document and passes on the whole result. That filter can only be switched
 * off for the whole application ({@code resteasy.patchfilter.disabled}), which is the host's to decide; this
 * filter is registered by {@link ApiApplication} alone, so it changes nothing of the host's.
 */
@PreMatching
public class MergePatchAsJson implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        if (HttpMethod.PATCH.equals(request.getMethod())
                && request.getMediaType() != null
                && ActionTriggersResource.MERGE_PATCH.equals(request.getMediaType()
                                .getType() + "/" + request.getMediaType().getSubtype())) {
            request.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
        }
    }
}
