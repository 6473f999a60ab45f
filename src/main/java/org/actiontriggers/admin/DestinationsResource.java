package org.actiontriggers.admin;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import org.actiontriggers.policy.DestinationKey;
import org.actiontriggers.policy.DestinationPolicy;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /action-triggers/api/action-triggers/destinations}: the delivery policy's state of every webhook and
 * broker (breaker, failing stretch, disable reason, limits, waiting deliveries), and the admin's actions on
 * one: disable, re-enable, drop what waits. Reading needs the viewer role, the actions the admin role ({@link
 * ApiAccessFilter}).
 */
@Path("action-triggers/destinations")
@AdminApi
@Tag(name = "Destinations", description = "Circuit breaker, auto-disable and limits per webhook or broker")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class DestinationsResource {

    /** Resolved once: every {@code Json.create…} call looks the provider up again through the class loader. */
    private static final JsonProvider JSON = JsonProvider.provider();

    /** More than any allowed request body, so that JsonBodies sees an oversized one and refuses it. */
    private static final int MAX_READ = Integer.MAX_VALUE - 8;

    @Inject
    DestinationPolicy policy;

    @Inject
    JsonBodies bodies;

    @GET
    @Operation(
            summary = "Lists every destination with its policy state",
            description = "Every webhook, every broker defined in the settings, and any other destination with a"
                    + " stored state (a deleted webhook whose deliveries wait).")
    public JsonObject list() {
        return DestinationDocuments.list(policy.list());
    }

    @GET
    @Path("{kind}/{name}")
    @Operation(
            summary = "Reads one destination's state",
            description = "kind: webhook (name: its id) or broker (name: its name in the settings).")
    @APIResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "destination", value = ApiExamples.DESTINATION)))
    @APIResponse(responseCode = "404", description = "No such destination")
    public JsonObject get(@PathParam("kind") String kind, @PathParam("name") String name) {
        DestinationKey key = key(kind, name);
        return DestinationDocuments.of(policy.find(key).orElseThrow(() -> notFound(key)));
    }

    @POST
    @Path("{kind}/{name}/disable")
    @Operation(
            summary = "Disables a destination: its deliveries wait, kept, until it is re-enabled",
            description = "Optional body: {\"reason\": \"…\"}, shown with the state and sent with the alert.")
    @APIResponse(responseCode = "200", description = "The destination's new state")
    @APIResponse(responseCode = "404", description = "No such destination")
    public JsonObject disable(
            @PathParam("kind") String kind,
            @PathParam("name") String name,
            InputStream body,
            @Context SecurityContext security) {
        DestinationKey key = key(kind, name);
        String reason = reason(body);
        return DestinationDocuments.of(
                policy.disable(key, reason, user(security)).orElseThrow(() -> notFound(key)));
    }

    @POST
    @Path("{kind}/{name}/enable")
    @Operation(
            summary = "Re-enables a disabled destination or closes its open breaker",
            description = "Its waiting deliveries go out at once, oldest first (in order for ordered configs).")
    @APIResponse(responseCode = "200", description = "The destination's new state")
    @APIResponse(responseCode = "404", description = "No such destination")
    public JsonObject enable(
            @PathParam("kind") String kind, @PathParam("name") String name, @Context SecurityContext security) {
        DestinationKey key = key(kind, name);
        return DestinationDocuments.of(policy.reEnable(key, user(security)).orElseThrow(() -> notFound(key)));
    }

    @POST
    @Path("{kind}/{name}/drop-waiting")
    @Operation(
            summary = "Gives up the deliveries waiting for a destination",
            description = "They become failed with the reason 'dropped by …', kept on record and redeliverable.")
    @APIResponse(responseCode = "200", description = "{destination, dropped}")
    @APIResponse(responseCode = "404", description = "No such destination")
    public JsonObject dropWaiting(
            @PathParam("kind") String kind, @PathParam("name") String name, @Context SecurityContext security) {
        DestinationKey key = key(kind, name);
        int dropped = policy.dropWaiting(key, user(security)).orElseThrow(() -> notFound(key));
        return JSON.createObjectBuilder()
                .add("destination", key.toString())
                .add("dropped", dropped)
                .build();
    }

    private static DestinationKey key(String kind, String name) {
        try {
            return DestinationKey.parse(kind.toLowerCase(Locale.ROOT) + ":" + name);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(new Problem(
                    Problem.NOT_FOUND,
                    "Not found",
                    404,
                    "a destination is /destinations/webhook/{id} or /destinations/broker/{name}",
                    List.of()));
        }
    }

    /** The optional {@code reason} of a disable: an empty body is none; anything else must be {@code {"reason": "…"}}. */
    private String reason(InputStream body) {
        byte[] bytes;
        try {
            // JsonBodies enforces action-triggers.api.max-request-size on what was read
            bytes = body == null ? new byte[0] : body.readNBytes(MAX_READ);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (new String(bytes, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            return null;
        }
        JsonValue value = bodies.read(new java.io.ByteArrayInputStream(bytes));
        if (value instanceof JsonObject object
                && object.keySet().stream().allMatch("reason"::equals)
                && (object.get("reason") == null || object.get("reason") instanceof JsonString)) {
            return object.get("reason") == null ? null : object.getString("reason");
        }
        throw new ProblemException(new Problem(
                Problem.INVALID_CONFIG,
                "The request body is invalid",
                422,
                "send {\"reason\": \"…\"} or nothing",
                List.of(new Problem.Error("/reason", null, "must be a string; no other field is known"))));
    }

    private static String user(SecurityContext security) {
        return security.getUserPrincipal() == null
                ? "an admin"
                : security.getUserPrincipal().getName();
    }

    private static ProblemException notFound(DestinationKey key) {
        return new ProblemException(Problem.notFound("there is no destination " + key));
    }
}
