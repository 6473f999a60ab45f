package org.actiontriggers.admin;

import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.actiontriggers.trigger.ConfigChangedMeanwhileException;
import org.actiontriggers.trigger.ConfigVersionMismatchException;
import org.actiontriggers.trigger.InvalidConfigException;

/**
 * Turns every exception that leaves a resource into an RFC 9457 problem document: the refusals of client
 * input keep their status (400, 404, 413, 415, 422, …); what is left is a 500 that reveals nothing but an id
 * to find the logged cause by. A {@link WebApplicationException} that already carries a body (the demo's
 * plain-text answers) is left as it is.
 *
 * <p>Registered by {@link ApiApplication} alone, not a discoverable {@code @Provider}: a host {@code
 * Application} that publishes every provider of the WAR would otherwise map the host's own exceptions too.
 */
public class ProblemResponses implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ProblemResponses.class.getName());

    @Override
    public Response toResponse(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof ProblemException problem) {
                return problem.problem().toResponse();
            }
            if (t instanceof InvalidConfigException invalid) {
                return Problem.invalidConfig(invalid.violations()).toResponse();
            }
            if (t instanceof ConfigVersionMismatchException stale) {
                return Response.fromResponse(new Problem(
                                        Problem.PRECONDITION_FAILED,
                                        "Changed since you read it",
                                        412,
                                        "trigger config " + stale.id() + " is now at version " + stale.currentVersion()
                                                + ", not the one If-Match names: someone else changed it; read it"
                                                + " again (its ETag is in this answer) and apply your change to that",
                                        List.of())
                                .toResponse())
                        .tag(EntityTags.of(stale.currentVersion()))
                        .build();
            }
            if (t instanceof ConfigChangedMeanwhileException) {
                return new Problem(
                                Problem.CONFLICT,
                                "Changed meanwhile",
                                409,
                                "someone else changed this config at the same time; read it again and retry",
                                List.of())
                        .toResponse();
            }
        }
        if (thrown instanceof WebApplicationException web) {
            Response response = web.getResponse();
            if (response.hasEntity()) {
                return response;
            }
            Response.StatusType status = response.getStatusInfo();
            String type = status.getStatusCode() == 404 ? Problem.NOT_FOUND : "about:blank";
            Problem problem =
                    new Problem(type, status.getReasonPhrase(), status.getStatusCode(), web.getMessage(), List.of());
            return Response.fromResponse(response)
                    .type(Problem.MEDIA_TYPE)
                    .entity(problem.toJson().toString())
                    .build();
        }
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof JsonException || t instanceof JsonbException || t instanceof ProcessingException) {
                return new Problem(
                                Problem.MALFORMED_JSON,
                                "The request body could not be read",
                                400,
                                "the body is not valid JSON of the expected shape",
                                List.of())
                        .toResponse();
            }
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected error, incident " + incident, thrown);
        return new Problem(
                        Problem.SERVER_ERROR,
                        "Internal server error",
                        500,
                        "an unexpected error occurred; the server log has the cause under incident " + incident,
                        List.of())
                .toResponse();
    }
}
