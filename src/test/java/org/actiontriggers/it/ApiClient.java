package org.actiontriggers.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** Talks to the deployed application over real HTTP, as curl would, optionally with Basic credentials. */
public final class ApiClient {

    static final String LOOPBACK = "127.0.0.1";

    /** Where Action Triggers answers in the application, relative to its root: one base for all of it. */
    public static final String BASE = "action-triggers/";

    public static final String TRIGGERS = BASE + "api/action-triggers";
    public static final String DELIVERIES = TRIGGERS + "/deliveries";
    public static final String WEBHOOKS = TRIGGERS + "/webhooks";
    public static final String CONSOLE = BASE + "console/";

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI base;
    private final String authorization;

    private ApiClient(URI base, String authorization) {
        this.base = base;
        this.authorization = authorization;
    }

    /**
     * A client without credentials.
     *
     * @param base the application's URL on loopback (see {@link ApiFixture#loopback}): tests reach the server
     *     as a user on this machine would, never through a network address
     */
    public static ApiClient anonymous(URI base) {
        if (!LOOPBACK.equals(base.getHost())) {
            throw new IllegalArgumentException("not a loopback URL: " + base);
        }
        return new ApiClient(base, null);
    }

    /** A client sending these Basic credentials. */
    public ApiClient as(String user, String password) {
        String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new ApiClient(base, "Basic " + token);
    }

    public HttpResponse<String> get(String path) {
        return send("GET", path, null, null);
    }

    public HttpResponse<String> delete(String path) {
        return send("DELETE", path, null, null);
    }

    public HttpResponse<String> post(String path, String json) {
        return send("POST", path, json, "application/json");
    }

    public HttpResponse<String> put(String path, String json) {
        return send("PUT", path, json, "application/json");
    }

    public HttpResponse<String> patch(String path, String json) {
        return send("PATCH", path, json, "application/merge-patch+json");
    }

    public HttpResponse<String> send(String method, String path, String body, String contentType) {
        return send(method, path, body, contentType, new String[0]);
    }

    /** A request with more headers, given as name, value, name, value… */
    public HttpResponse<String> send(String method, String path, String body, String contentType, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(60))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        }
    }

    public static JsonObject json(HttpResponse<String> response) {
        return json(response.body());
    }

    public static JsonObject json(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }

    public static JsonStructure structure(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.read();
        }
    }
}
