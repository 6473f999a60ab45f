package org.actiontriggers.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.actiontriggers.settings.Settings;
import org.actiontriggers.settings.TriggerSettings;

/**
 * Reads a request body as JSON with JSON-P, strictly: never more than {@code action-triggers.api.max-request-size}
 * bytes (413 beyond), and malformed JSON is a 400 that says where it breaks.
 */
@ApplicationScoped
public class JsonBodies {

    @Inject
    TriggerSettings settings;

    /** The body's JSON value. */
    public JsonValue read(InputStream body) {
        long limit = settings.current().maxRequestBytes();
        byte[] bytes;
        try {
            bytes = body == null ? new byte[0] : body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (bytes.length > limit) {
            throw new ProblemException(new Problem(
                    Problem.TOO_LARGE,
                    "The request body is too large",
                    413,
                    "the body may have at most " + limit + " bytes (" + Settings.MAX_REQUEST_SIZE + ")",
                    List.of()));
        }
        if (bytes.length == 0) {
            throw malformed("the body is empty; send a JSON object");
        }
        try (JsonParser parser = Json.createParser(new ByteArrayInputStream(bytes))) {
            if (!parser.hasNext()) {
                throw malformed("the body holds no JSON value");
            }
            parser.next();
            JsonValue value = parser.getValue();
            if (parser.hasNext()) {
                JsonLocation at = parser.getLocation();
                throw malformed("the body holds more than one JSON value; the second starts near line "
                        + at.getLineNumber() + ", column " + at.getColumnNumber());
            }
            return value;
        } catch (JsonParsingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNumber() + ", column " + at.getColumnNumber();
            throw malformed("the body is not valid JSON" + where + ": " + e.getMessage());
        } catch (JsonException e) {
            throw malformed("the body is not valid JSON: " + e.getMessage());
        }
    }

    private static ProblemException malformed(String detail) {
        return new ProblemException(
                new Problem(Problem.MALFORMED_JSON, "The request body is not valid JSON", 400, detail, List.of()));
    }
}
