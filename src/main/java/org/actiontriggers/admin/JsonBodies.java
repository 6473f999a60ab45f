package org.actiontriggers.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
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
 * bytes (413 beyond), never nested deeper than {@value #MAX_DEPTH} levels, and malformed JSON is a 400 that says
 * where it breaks.
 *
 * <p>The depth is checked in a streaming pass before the value is built: JSON-P providers give up on deep input
 * in their own ways (Parsson with a plain {@code RuntimeException} at 1,000 levels, which would otherwise be a
 * 500), and nothing we accept needs more than a few levels.
 */
@ApplicationScoped
public class JsonBodies {

    /** The deepest nesting of arrays and objects a body may have; a DAT document needs about six. */
    public static final int MAX_DEPTH = 64;

    /** Resolved once: {@code Json.createParser} looks the provider up, scanning the class path, on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

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
        checkDepth(bytes);
        try (JsonParser parser = JSON.createParser(new ByteArrayInputStream(bytes))) {
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
        } catch (ProblemException e) {
            throw e;
        } catch (RuntimeException e) {
            // a provider's own limit (number size, string length…) that is not a JsonException
            throw malformed("the body is not valid JSON: " + e.getMessage());
        }
    }

    /** Walks the body's events, refusing it at the first level beyond {@link #MAX_DEPTH}. */
    private static void checkDepth(byte[] bytes) {
        try (JsonParser parser = JSON.createParser(new ByteArrayInputStream(bytes))) {
            int depth = 0;
            while (parser.hasNext()) {
                JsonParser.Event event = parser.next();
                if (event == JsonParser.Event.START_ARRAY || event == JsonParser.Event.START_OBJECT) {
                    if (++depth > MAX_DEPTH) {
                        JsonLocation at = parser.getLocation();
                        throw malformed("the body nests arrays and objects deeper than " + MAX_DEPTH
                                + " levels (at line " + at.getLineNumber() + ", column " + at.getColumnNumber()
                                + ")");
                    }
                } else if (event == JsonParser.Event.END_ARRAY || event == JsonParser.Event.END_OBJECT) {
                    depth--;
                }
            }
        } catch (JsonException e) {
            // malformed JSON: the second pass reports where, with the provider's message
        } catch (ProblemException e) {
            throw e;
        } catch (RuntimeException e) {
            throw malformed("the body is not valid JSON: " + e.getMessage());
        }
    }

    private static ProblemException malformed(String detail) {
        return new ProblemException(
                new Problem(Problem.MALFORMED_JSON, "The request body is not valid JSON", 400, detail, List.of()));
    }
}
