package org.actiontriggers.admin;

import jakarta.inject.Inject;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import org.actiontriggers.outbox.Redelivery;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /action-triggers/api/action-triggers/webhooks/{id}/recover}: after a receiver's outage, send again what failed since a time. */
@Path("action-triggers/webhooks")
@AdminApi
@Tag(name = "Deliveries")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class WebhooksResource {

    /** Resolved once: every {@code Json.create…} call looks the provider up again through the class loader. */
    private static final JsonProvider JSON = JsonProvider.provider();

    @Inject
    Redelivery redelivery;

    @POST
    @Path("{id}/recover")
    @Operation(
            summary = "Sends again every failed and dead delivery of the webhook since a time",
            description = "since: ISO-8601, e.g. 2026-11-29T15:00:00Z, compared with the time of the change.")
    @APIResponse(responseCode = "202", description = "{webhook_id, since, redelivered}")
    public Response recover(@PathParam("id") long id, @QueryParam("since") String since) {
        Instant from = QueryParameters.instant("since", since);
        if (from == null) {
            throw QueryParameters.invalid("since", "is required: the time of the first change to send again");
        }
        int count = redelivery.recover(id, from);
        return Response.accepted(JSON.createObjectBuilder()
                        .add("webhook_id", id)
                        .add("since", from.toString())
                        .add("redelivered", count)
                        .build())
                .type(MediaType.APPLICATION_JSON)
                .build();
    }
}
