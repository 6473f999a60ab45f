package org.actiontriggers.admin;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import org.actiontriggers.outbox.Delivery;
import org.actiontriggers.outbox.DeliveryLog;
import org.actiontriggers.outbox.DeliverySearch;
import org.actiontriggers.outbox.DeliveryState;
import org.actiontriggers.outbox.Redelivery;
import org.actiontriggers.trigger.Page;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /action-triggers/api/action-triggers/deliveries}: what was sent for which change, every attempt, and sending one again. */
@Path("action-triggers/deliveries")
@AdminApi
@Tag(name = "Deliveries", description = "What was sent for which change, with every attempt")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class DeliveriesResource {

    @Inject
    DeliverySearch search;

    @Inject
    DeliveryLog log;

    @Inject
    Redelivery redelivery;

    @GET
    @Operation(
            summary = "Lists deliveries, newest first",
            description = "Filter by config, webhook, entity_type + entity_id, state (pending, in_flight, succeeded,"
                    + " failed, dead) and the time of the change (since, until: ISO-8601); paged.")
    public JsonObject list(
            @QueryParam("config") String config,
            @QueryParam("webhook") String webhook,
            @QueryParam("entity_type") String entityType,
            @QueryParam("entity_id") String entityId,
            @QueryParam("state") String state,
            @QueryParam("since") String since,
            @QueryParam("until") String until,
            @QueryParam("page") String page,
            @QueryParam("page_size") String pageSize) {
        DeliverySearch.Filter filter = new DeliverySearch.Filter(
                QueryParameters.id("config", config),
                QueryParameters.id("webhook", webhook),
                blankToNull(entityType),
                blankToNull(entityId),
                state(state),
                QueryParameters.instant("since", since),
                QueryParameters.instant("until", until));
        Page<Delivery> found = search.find(filter, QueryParameters.page(page), QueryParameters.pageSize(pageSize));
        return PageDocuments.toJson(found, DeliveryDocuments::summary);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Reads one delivery with its body and every attempt")
    @APIResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "delivery", value = ApiExamples.DELIVERY)))
    @APIResponse(responseCode = "404", description = "No such delivery")
    public JsonObject get(@PathParam("id") String id) {
        return DeliveryDocuments.detail(log.find(id).orElseThrow(() -> notFound(id)));
    }

    @POST
    @Path("{id}/redeliver")
    @Operation(summary = "Sends a finished delivery again, with the same webhook-id")
    @APIResponse(responseCode = "202", description = "Pending again, due now")
    @APIResponse(responseCode = "409", description = "Still pending or in flight, or nothing to send")
    public Response redeliver(@PathParam("id") String id) {
        return switch (redelivery.redeliver(id)) {
            case REDELIVERED ->
                Response.accepted(DeliveryDocuments.summary(log.find(id).orElseThrow(() -> notFound(id))))
                        .type(MediaType.APPLICATION_JSON)
                        .build();
            case NOT_FOUND -> throw notFound(id);
            case NOT_FINISHED ->
                throw new ProblemException(new Problem(
                        Problem.CONFLICT,
                        "Not redeliverable",
                        409,
                        "delivery " + id + " is still pending or in flight, or its payload never rendered",
                        List.of()));
        };
    }

    private static DeliveryState state(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return DeliveryState.valueOf(raw.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw QueryParameters.invalid(
                    "state", "must be one of pending, in_flight, succeeded, failed, dead, not '" + raw + "'");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static ProblemException notFound(String id) {
        return new ProblemException(Problem.notFound("there is no delivery " + id));
    }
}
