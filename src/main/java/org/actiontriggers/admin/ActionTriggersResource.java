package org.actiontriggers.admin;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import org.actiontriggers.config.Config;
import org.actiontriggers.config.ConfigService;
import org.actiontriggers.config.Page;
import org.actiontriggers.record.PayloadPreview;

/**
 * {@code /api/action-triggers}: trigger configs as Django Action Triggers' API documents them — list,
 * create, read, replace, switch on or off, delete.
 */
@Path("action-triggers")
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
        JsonArrayBuilder results = Json.createArrayBuilder();
        found.items().forEach(config -> results.add(ConfigDocuments.toJson(config)));
        return Json.createObjectBuilder()
                .add("count", found.total())
                .add("page", found.page())
                .add("page_size", found.size())
                .add("results", results)
                .build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(InputStream body, @Context SecurityContext security, @Context UriInfo uri) {
        String user = security.getUserPrincipal() == null
                ? null
                : security.getUserPrincipal().getName();
        Config created = configs.create(ConfigDocuments.draftOf(bodies.read(body), null), user);
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(Long.toString(created.getId()))
                        .build())
                .type(MediaType.APPLICATION_JSON)
                .entity(ConfigDocuments.toJson(created))
                .build();
    }

    @GET
    @Path("{id}")
    public JsonObject get(@PathParam("id") long id) {
        return ConfigDocuments.toJson(configs.find(id).orElseThrow(() -> notFound(id)));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject replace(@PathParam("id") long id, InputStream body) {
        var draft = ConfigDocuments.draftOf(bodies.read(body), id);
        return ConfigDocuments.toJson(configs.replace(id, draft).orElseThrow(() -> notFound(id)));
    }

    @PATCH
    @Path("{id}")
    @Consumes({MediaType.APPLICATION_JSON, MERGE_PATCH})
    public JsonObject patch(@PathParam("id") long id, InputStream body) {
        boolean active = ConfigDocuments.activeOf(bodies.read(body));
        return ConfigDocuments.toJson(configs.setActive(id, active).orElseThrow(() -> notFound(id)));
    }

    /** What the saved config would send for a real entity; nothing is sent. */
    @POST
    @Path("{id}/preview")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject preview(@PathParam("id") long id, InputStream body) {
        PreviewRequests.PreviewRequest request = PreviewRequests.of(bodies.read(body), false);
        Config config = configs.find(id).orElseThrow(() -> notFound(id));
        return PreviewRequests.toJson(
                preview.preview(config, request.entityType(), request.entityId(), request.signal()));
    }

    /** What a config not yet saved would send for a real entity; nothing is saved or sent. */
    @POST
    @Path("preview")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject previewUnsaved(InputStream body) {
        PreviewRequests.PreviewRequest request = PreviewRequests.of(bodies.read(body), true);
        Config config =
                PreviewRequests.underConfig(() -> configs.unsaved(ConfigDocuments.draftOf(request.config(), null)));
        return PreviewRequests.toJson(
                preview.preview(config, request.entityType(), request.entityId(), request.signal()));
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") long id) {
        if (!configs.delete(id)) {
            throw notFound(id);
        }
        return Response.noContent().build();
    }

    static ProblemException notFound(long id) {
        return new ProblemException(Problem.notFound("there is no trigger config " + id));
    }
}
