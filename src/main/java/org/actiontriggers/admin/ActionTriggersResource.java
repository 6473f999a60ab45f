package org.actiontriggers.admin;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import org.actiontriggers.record.PayloadPreview;
import org.actiontriggers.trigger.Config;
import org.actiontriggers.trigger.ConfigService;
import org.actiontriggers.trigger.Page;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /action-triggers/api/action-triggers}: trigger configs as Django Action Triggers' API documents them — list,
 * create, read, replace, switch on or off, delete.
 *
 * <p>Each config document comes with an {@code ETag} (its version); {@code PUT}, {@code PATCH} and {@code
 * DELETE} honour an optional {@code If-Match} and answer 412 when the config was changed since ({@link
 * EntityTags}).
 */
@Path("action-triggers")
@AdminApi
@Tag(name = "Trigger configs", description = "Django Action Triggers' config documents")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class ActionTriggersResource {

    static final String MERGE_PATCH = "application/merge-patch+json";

    @Inject
    ConfigService configs;

    @Inject
    JsonBodies bodies;

    @Inject
    PayloadPreview preview;

    @GET
    @Operation(summary = "Lists configs, oldest first", description = "Paged; filter by active and content type.")
    @APIResponse(responseCode = "200", description = "{count, page, page_size, results: [config]}")
    @APIResponse(responseCode = "400", description = "A query parameter is invalid")
    public JsonObject list(
            @QueryParam("active") String active,
            @QueryParam("content_type") String contentType,
            @QueryParam("page") String page,
            @QueryParam("page_size") String pageSize) {
        Page<Config> found = configs.list(
                QueryParameters.bool("active", active),
                contentType == null || contentType.isBlank() ? null : contentType,
                QueryParameters.page(page),
                QueryParameters.pageSize(pageSize));
        return PageDocuments.toJson(found, ConfigDocuments::toJson);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Creates a config with its webhooks and signals, atomically",
            description = "Django Action Triggers' document; our extension field \"condition\" (optional) says"
                    + " which changes fire it, e.g. {\"field\": \"status\", \"changed_from\": \"in_progress\","
                    + " \"to\": \"completed\"} (docs/templates.md#conditions).")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "seed", value = ApiExamples.CONFIG)))
    @APIResponse(
            responseCode = "201",
            description = "Created; Location names it",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "stored", value = ApiExamples.STORED_CONFIG)))
    @APIResponse(responseCode = "400", description = "Malformed JSON")
    @APIResponse(responseCode = "413", description = "Body over action-triggers.api.max-request-size")
    @APIResponse(
            responseCode = "422",
            description = "Invalid: every problem with its JSON pointer; nothing is stored",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "invalid", value = ApiExamples.INVALID)))
    public Response create(InputStream body, @Context SecurityContext security, @Context UriInfo uri) {
        String user = security.getUserPrincipal() == null
                ? null
                : security.getUserPrincipal().getName();
        Config created = configs.create(ConfigDocuments.draftOf(bodies.read(body), null), user);
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(Long.toString(created.getId()))
                        .build())
                .type(MediaType.APPLICATION_JSON)
                .tag(EntityTags.of(created.getVersion()))
                .entity(ConfigDocuments.toJson(created))
                .build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Reads one config; credentials in headers are masked")
    @APIResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "stored", value = ApiExamples.STORED_CONFIG)))
    @APIResponse(responseCode = "404", description = "No such config")
    public Response get(@PathParam("id") long id) {
        return withTag(configs.find(id).orElseThrow(() -> notFound(id)));
    }

    @PUT
    @Path("{id}")
    @Operation(
            summary = "Replaces a config and its children, atomically",
            description = "A header value sent back in its masked form (as read) keeps the stored secret.")
    @APIResponse(responseCode = "200", description = "The replaced config, with its new ETag")
    @APIResponse(responseCode = "404", description = "No such config")
    @APIResponse(responseCode = "412", description = "If-Match names another version: it was changed since")
    @APIResponse(responseCode = "422", description = "Invalid; nothing is changed")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response replace(
            @PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, InputStream body) {
        var draft = ConfigDocuments.draftOf(bodies.read(body), id);
        return withTag(configs.replace(id, draft, EntityTags.ifMatch(ifMatch)).orElseThrow(() -> notFound(id)));
    }

    @PATCH
    @Path("{id}")
    @Operation(summary = "Switches a config on or off: {\"active\": false}; no other field may be patched")
    @APIResponse(responseCode = "200", description = "The config, with its new ETag")
    @APIResponse(responseCode = "412", description = "If-Match names another version: it was changed since")
    @Consumes({MediaType.APPLICATION_JSON, MERGE_PATCH})
    public Response patch(
            @PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, InputStream body) {
        boolean active = ConfigDocuments.activeOf(bodies.read(body));
        return withTag(
                configs.setActive(id, active, EntityTags.ifMatch(ifMatch)).orElseThrow(() -> notFound(id)));
    }

    /** What the saved config would send for a real entity; nothing is sent. */
    @POST
    @Path("{id}/preview")
    @Operation(
            summary = "Renders what the config would send for a real entity; sends nothing",
            description = "Also says whether the config's condition holds for the entity as stored (\"fires\")"
                    + " and, if not, which part failed (\"condition_failed\": {pointer, detail}).")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "sale", value = ApiExamples.PREVIEW_REQUEST)))
    @APIResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "preview", value = ApiExamples.PREVIEW)))
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject preview(@PathParam("id") long id, InputStream body) {
        PreviewRequests.PreviewRequest request = PreviewRequests.of(bodies.read(body), false);
        Config config = configs.find(id).orElseThrow(() -> notFound(id));
        return PreviewRequests.toJson(preview.preview(
                config, request.entityType(), request.entityId(), request.signal(), request.previous()));
    }

    /** What a config not yet saved would send for a real entity; nothing is saved or sent. */
    @POST
    @Path("preview")
    @Operation(
            summary = "Renders what an unsaved config would send for a real entity",
            description =
                    "Body: {\"config\": {…}, \"entity_type\": \"Sale\", \"entity_id\": 3}; nothing is saved or sent.")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject previewUnsaved(InputStream body) {
        PreviewRequests.PreviewRequest request = PreviewRequests.of(bodies.read(body), true);
        Config config =
                PreviewRequests.underConfig(() -> configs.unsaved(ConfigDocuments.draftOf(request.config(), null)));
        return PreviewRequests.toJson(preview.preview(
                config, request.entityType(), request.entityId(), request.signal(), request.previous()));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Deletes a config with its webhooks and signals; its deliveries stay on record")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such config")
    @APIResponse(responseCode = "412", description = "If-Match names another version: it was changed since")
    public Response delete(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        if (!configs.delete(id, EntityTags.ifMatch(ifMatch))) {
            throw notFound(id);
        }
        return Response.noContent().build();
    }

    /** The config's document with its version as the {@code ETag}. */
    private static Response withTag(Config config) {
        return Response.ok(ConfigDocuments.toJson(config), MediaType.APPLICATION_JSON)
                .tag(EntityTags.of(config.getVersion()))
                .build();
    }

    static ProblemException notFound(long id) {
        return new ProblemException(Problem.notFound("there is no trigger config " + id));
    }
}
