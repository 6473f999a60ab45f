package org.actiontriggers.admin;

import jakarta.inject.Inject;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.actiontriggers.outbox.DestinationRef;
import org.actiontriggers.policy.DestinationPolicy;
import org.actiontriggers.record.TestEvents;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /action-triggers/api/action-triggers/destinations/{kind}/{name}/test-event}: sends a test event to a
 * destination through the outbox (admin only, like every changing call).
 */
@Path("action-triggers/destinations/{kind}/{name}/test-event")
@AdminApi
@Tag(name = "Destinations")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class TestEventResource {

    /** Resolved once: every {@code Json.create…} call looks the provider up again through the class loader. */
    private static final JsonProvider JSON = JsonProvider.provider();

    @Inject
    TestEvents testEvents;

    @Inject
    DestinationPolicy policy;

    @POST
    @Operation(
            summary = "Queues a test event for the destination, as its trigger sends to it",
            description = "kind/name: webhook/<id> or broker/<name>. The event is a delivery like any other"
                    + " (entity type " + TestEvents.ENTITY_TYPE + ", signal " + TestEvents.SIGNAL + "): signed,"
                    + " retried, held by the destination's breaker, and in the delivery log.")
    @APIResponse(responseCode = "202", description = "{destination, delivery_id}")
    @APIResponse(responseCode = "404", description = "No such destination, or no trigger sends to it any more")
    public Response send(
            @PathParam("kind") String kind, @PathParam("name") String name, @Context SecurityContext caller) {
        DestinationRef ref = Destinations.known(kind, name, policy);
        String by = caller.getUserPrincipal() == null
                ? "admin API"
                : caller.getUserPrincipal().getName();
        String id = testEvents
                .send(ref, by)
                .orElseThrow(
                        () -> new ProblemException(Problem.notFound("no trigger sends to " + ref.key() + " any more")));
        return Response.accepted(JSON.createObjectBuilder()
                        .add("destination", ref.key())
                        .add("delivery_id", id)
                        .build())
                .type(MediaType.APPLICATION_JSON)
                .build();
    }
}
