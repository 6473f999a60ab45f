package org.actiontriggers.it;

import static org.actiontriggers.it.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;

/**
 * Where every test from outside the server starts: the application's URL on loopback, API clients without
 * credentials, as admin and as viewer, no triggers, and a receiver path of its own. Arquillian injects the
 * deployment's URL before {@link #cleanSlate} runs.
 */
abstract class ApiFixture {

    /** Generous: Awaitility returns as soon as the condition holds; only a failure waits this long. */
    static final Duration DELIVERED = Duration.ofSeconds(60);

    static final String TRIGGERS = ApiClient.TRIGGERS;
    static final String DELIVERIES = ApiClient.DELIVERIES;
    static final String WEBHOOKS = ApiClient.WEBHOOKS;
    static final String CONSOLE = ApiClient.CONSOLE;

    /** The deployment's URL as Arquillian hands it over: on this machine's network address. */
    @ArquillianResource
    URL deployment;

    /** The application's URL on loopback, e.g. {@code http://127.0.0.1:8080/action-triggers/}. */
    URI base;

    ApiClient anonymous;
    ApiClient admin;
    ApiClient viewer;

    final TestReceiver receiver = TestReceiver.get();

    /** This test's path on the receiver, and its URL. */
    String hookPath;

    String hook;

    @BeforeEach
    void cleanSlate(TestInfo test) {
        base = loopback(deployment);
        anonymous = ApiClient.anonymous(base);
        admin = anonymous.as("it-admin", "it-admin-password");
        viewer = anonymous.as("it-viewer", "it-viewer-password");
        hookPath = "/hooks/" + getClass().getSimpleName() + "/"
                + test.getTestMethod().orElseThrow().getName() + "/" + System.nanoTime();
        hook = receiver.url(hookPath);
        deleteAllTriggers();
    }

    /**
     * The same server on loopback, as a user of the README reaches it. Arquillian hands over the machine's own
     * address; tests talk to loopback only, and the demo's webhook (built from the request's base URI) could not
     * reach that address anyway, since only loopback is an allowed private network in the test settings.
     */
    static URI loopback(URL arquillian) {
        URI uri = URI.create(arquillian.toString());
        return URI.create("http://" + ApiClient.LOOPBACK + ":" + uri.getPort() + uri.getPath());
    }

    /** A customer, a product and a sale through the open demo endpoints; the sale's id. */
    long demoSale(int quantity) {
        long customer = createdId(
                anonymous.post("api/demo/customers", "{\"name\":\"Ann O'Brien\",\"email\":\"ann@example.com\"}"));
        long product = createdId(anonymous.post("api/demo/products", "{\"name\":\"Widget\",\"description\":\"blue\"}"));
        return createdId(anonymous.post(
                "api/demo/sales",
                "{\"customer\":" + customer + ",\"product\":" + product + ",\"quantity\":" + quantity + "}"));
    }

    /** The id in a 201 answer's document. */
    static long createdId(HttpResponse<String> created) {
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created).getJsonNumber("id").longValue();
    }

    long configCount() {
        return json(admin.get(TRIGGERS)).getJsonNumber("count").longValue();
    }

    private void deleteAllTriggers() {
        JsonObject page = json(admin.get(TRIGGERS + "?page_size=100"));
        while (!page.getJsonArray("results").isEmpty()) {
            for (JsonValue config : page.getJsonArray("results")) {
                admin.delete(TRIGGERS + "/" + config.asJsonObject().getJsonNumber("id"));
            }
            page = json(admin.get(TRIGGERS + "?page_size=100"));
        }
    }
}
