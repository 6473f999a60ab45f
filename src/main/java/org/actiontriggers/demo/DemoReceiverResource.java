package org.actiontriggers.demo;

import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A webhook receiver inside the demo: {@code /api/demo/receiver/{name}} accepts any method and remembers
 * the request; {@code GET /api/demo/received} lists what arrived. Credentials in headers are redacted before
 * anything is kept.
 */
@Path("demo")
public class DemoReceiverResource {

    @Inject
    ReceivedRequests received;

    @POST
    @Path("receiver/{name}")
    public Response post(
            @PathParam("name") String name, @Context Request request, @Context HttpHeaders headers, String body) {
        return receive(name, request, headers, body);
    }

    @PUT
    @Path("receiver/{name}")
    public Response put(
            @PathParam("name") String name, @Context Request request, @Context HttpHeaders headers, String body) {
        return receive(name, request, headers, body);
    }

    @PATCH
    @Path("receiver/{name}")
    public Response patch(
            @PathParam("name") String name, @Context Request request, @Context HttpHeaders headers, String body) {
        return receive(name, request, headers, body);
    }

    @DELETE
    @Path("receiver/{name}")
    public Response delete(
            @PathParam("name") String name, @Context Request request, @Context HttpHeaders headers, String body) {
        return receive(name, request, headers, body);
    }

    @GET
    @Path("receiver/{name}")
    public Response get(@PathParam("name") String name, @Context Request request, @Context HttpHeaders headers) {
        return receive(name, request, headers, null);
    }

    @GET
    @Path("received")
    @Produces(MediaType.APPLICATION_JSON)
    public List<ReceivedRequest> list() {
        return received.all();
    }

    @DELETE
    @Path("received")
    public Response clear() {
        received.clear();
        return Response.noContent().build();
    }

    private Response receive(String name, Request request, HttpHeaders headers, String body) {
        Map<String, String> kept = new TreeMap<>();
        headers.getRequestHeaders()
                .forEach((header, values) -> kept.put(
                        header.toLowerCase(Locale.ROOT),
                        isCredential(header) ? "<redacted>" : String.join(", ", values)));
        received.add(new ReceivedRequest(Instant.now(), request.getMethod(), name, kept, body));
        return Response.noContent().build();
    }

    static boolean isCredential(String header) {
        String h = header.toLowerCase(Locale.ROOT);
        return h.equals("authorization")
                || h.equals("cookie")
                || h.contains("key")
                || h.contains("token")
                || h.contains("secret");
    }
}
