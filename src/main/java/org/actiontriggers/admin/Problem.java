package org.actiontriggers.admin;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.actiontriggers.trigger.Violation;

/**
 * An RFC 9457 problem document: what every refusal of the API answers, so a client can tell the kinds of
 * problem apart by {@code type} and find each bad field by its JSON pointer in {@code errors}.
 *
 * @param type a URI naming the kind of problem
 * @param errors where and why, for problems about fields or parameters; may be empty
 */
public record Problem(String type, String title, int status, String detail, List<Error> errors) {

    /** Resolved once: every {@code Json.create…} call looks the provider up again through the class loader. */
    private static final JsonProvider JSON = JsonProvider.provider();

    /** The media type of problem documents. */
    public static final String MEDIA_TYPE = "application/problem+json";

    static final String PREFIX = "urn:action-triggers:problem:";
    public static final String INVALID_CONFIG = PREFIX + "invalid-config";
    public static final String MALFORMED_JSON = PREFIX + "malformed-json";
    public static final String INVALID_PARAMETER = PREFIX + "invalid-parameter";
    public static final String TOO_LARGE = PREFIX + "request-too-large";
    public static final String NOT_FOUND = PREFIX + "not-found";
    public static final String CONFLICT = PREFIX + "conflict";
    public static final String PRECONDITION_FAILED = PREFIX + "precondition-failed";
    public static final String SERVER_ERROR = PREFIX + "server-error";
    public static final String UNAUTHENTICATED = PREFIX + "unauthenticated";
    public static final String FORBIDDEN = PREFIX + "forbidden";
    public static final String TOO_MANY_SIGN_INS = PREFIX + "too-many-sign-ins";

    /**
     * One located problem.
     *
     * @param pointer the JSON pointer of a field in the request body, or {@code null}
     * @param parameter the name of a query parameter, or {@code null}
     */
    public record Error(String pointer, String parameter, String detail) {

        static Error at(Violation violation) {
            return new Error(violation.pointer(), null, violation.reason());
        }

        static Error parameter(String name, String detail) {
            return new Error(null, name, detail);
        }
    }

    public Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** A 422 listing the violations. */
    static Problem invalidConfig(List<Violation> violations) {
        String detail = violations.size() == 1
                ? violations.get(0).pointer() + ": " + violations.get(0).reason()
                : violations.size() + " problems; see errors";
        return new Problem(
                INVALID_CONFIG,
                "The trigger config is invalid",
                422,
                detail,
                violations.stream().map(Error::at).toList());
    }

    static Problem invalidParameter(String name, String detail) {
        return new Problem(
                INVALID_PARAMETER,
                "A query parameter is invalid",
                400,
                name + ": " + detail,
                List.of(Error.parameter(name, detail)));
    }

    static Problem notFound(String detail) {
        return new Problem(NOT_FOUND, "Not found", 404, detail, List.of());
    }

    JsonObject toJson() {
        JsonObjectBuilder json =
                JSON.createObjectBuilder().add("type", type).add("title", title).add("status", status);
        if (detail != null) {
            json.add("detail", detail);
        }
        if (!errors.isEmpty()) {
            JsonArrayBuilder list = JSON.createArrayBuilder();
            for (Error error : errors) {
                JsonObjectBuilder item = JSON.createObjectBuilder();
                if (error.pointer() != null) {
                    item.add("pointer", error.pointer());
                }
                if (error.parameter() != null) {
                    item.add("parameter", error.parameter());
                }
                list.add(item.add("detail", error.detail()));
            }
            json.add("errors", list);
        }
        return json.build();
    }

    Response toResponse() {
        return toResponseBuilder().build();
    }

    Response.ResponseBuilder toResponseBuilder() {
        return Response.status(statusType(status)).type(MEDIA_TYPE).entity(toJson().toString());
    }

    /** The status with its reason phrase; JAX-RS knows none for 422, which would go out as "CUSTOM". */
    static Response.StatusType statusType(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        if (known != null) {
            return known;
        }
        String reason = status == 422 ? "Unprocessable Content" : "Error";
        return new Response.StatusType() {
            @Override
            public int getStatusCode() {
                return status;
            }

            @Override
            public Response.Status.Family getFamily() {
                return Response.Status.Family.familyOf(status);
            }

            @Override
            public String getReasonPhrase() {
                return reason;
            }
        };
    }
}
