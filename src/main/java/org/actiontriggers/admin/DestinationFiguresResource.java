package org.actiontriggers.admin;

import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.Map;
import org.actiontriggers.outbox.DestinationFigures;
import org.actiontriggers.outbox.DestinationRef;
import org.actiontriggers.outbox.FigureWindow;
import org.actiontriggers.outbox.Figures;
import org.actiontriggers.policy.DestinationPolicy;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /action-triggers/api/action-triggers/destinations/{kind}/{name}/figures}: a destination's health in
 * figures — what the console's destination page draws. A root resource of its own, beside the policy's
 * destination resource, so that neither needs the other's paths.
 */
@Path("action-triggers/destinations/{kind}/{name}/figures")
@AdminApi
@Tag(name = "Destinations")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class DestinationFiguresResource {

    /** Resolved once: every {@code Json.create…} call looks the provider up again through the class loader. */
    private static final JsonProvider JSON = JsonProvider.provider();

    @Inject
    DestinationFigures figures;

    @Inject
    DestinationPolicy policy;

    @GET
    @Operation(
            summary = "Reads a destination's success rate, volume and latency over the last hour, day and week",
            description = "kind/name: webhook/<id> or broker/<name>. Per window: succeeded, failed, volume,"
                    + " success_rate (0 to 1, null without attempts), p50_ms and p99_ms (nearest rank), and buckets"
                    + " of bucket_seconds each, oldest first; truncated when only the newest "
                    + DestinationFigures.MAX_SAMPLES + " attempts were counted. last_failures: the newest failed"
                    + " attempts with their (capped) responses.")
    @APIResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "figures", value = ApiExamples.DESTINATION_FIGURES)))
    @APIResponse(responseCode = "404", description = "No such destination")
    public JsonObject get(@PathParam("kind") String kind, @PathParam("name") String name) {
        DestinationRef ref = Destinations.known(kind, name, policy);
        Map<FigureWindow, Figures> byWindow = figures.of(ref, Instant.now());
        JsonObjectBuilder windows = JSON.createObjectBuilder();
        byWindow.forEach((window, f) -> windows.add(window.label(), window(f)));
        JsonArrayBuilder failures = JSON.createArrayBuilder();
        for (DestinationFigures.FailedAttempt failed : figures.lastFailures(ref, DestinationFigures.LAST_FAILURES)) {
            failures.add(DeliveryDocuments.attempt(failed.attempt()).add("delivery_id", failed.deliveryId()));
        }
        return JSON.createObjectBuilder()
                .add("destination", ref.key())
                .add("windows", windows)
                .add("last_failures", failures)
                .build();
    }

    private static JsonValue number(Long value) {
        return value == null ? JsonValue.NULL : JSON.createValue(value);
    }

    private static JsonObject window(Figures f) {
        JsonArrayBuilder buckets = JSON.createArrayBuilder();
        for (Figures.Bucket b : f.buckets()) {
            buckets.add(JSON.createObjectBuilder()
                    .add("start", b.start().toString())
                    .add("succeeded", b.succeeded())
                    .add("failed", b.failed())
                    .add("p50_ms", number(b.p50Millis()))
                    .add("p99_ms", number(b.p99Millis())));
        }
        return JSON.createObjectBuilder()
                .add("since", f.end().minus(f.window().length()).toString())
                .add("until", f.end().toString())
                .add("succeeded", f.succeeded())
                .add("failed", f.failed())
                .add("volume", f.volume())
                .add("success_rate", f.successRate() == null ? JsonValue.NULL : JSON.createValue(f.successRate()))
                .add("p50_ms", number(f.p50Millis()))
                .add("p99_ms", number(f.p99Millis()))
                .add("truncated", f.truncated())
                .add("bucket_seconds", f.window().bucket().toSeconds())
                .add("buckets", buckets)
                .build();
    }
}
