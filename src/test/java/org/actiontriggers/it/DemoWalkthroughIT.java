package org.actiontriggers.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The README's walkthrough, done over HTTP from outside the server exactly as a new user would with curl. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DemoWalkthroughIT {

    private final HttpClient http = HttpClient.newHttpClient();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    URL base;

    @Test
    void theSeedTriggerFiresWhenASaleIsCreatedThroughTheDemoApi() throws Exception {
        HttpResponse<String> seeded = post("api/demo/seed-trigger", "");
        assertThat(seeded.statusCode())
                .as(seeded.uri() + " " + base + " " + seeded.body())
                .isEqualTo(200);
        long customer = json(post("api/demo/customers", "{\"name\":\"Ann O'Brien\",\"email\":\"ann@example.com\"}")
                        .body())
                .getJsonNumber("id")
                .longValue();
        long product = json(post("api/demo/products", "{\"name\":\"Widget\",\"description\":\"blue\"}")
                        .body())
                .getJsonNumber("id")
                .longValue();

        HttpResponse<String> sale =
                post("api/demo/sales", "{\"customer\":" + customer + ",\"product\":" + product + ",\"quantity\":3}");
        assertThat(sale.statusCode()).isEqualTo(201);

        // The demo receiver lives in the same server; on a loaded machine a send may time out after the
        // receiver recorded it, and the retry then arrives again with the same webhook-id (at least once).
        await().atMost(Duration.ofSeconds(60)).until(() -> !received().isEmpty());
        assertThat(received().stream()
                        .map(r -> r.asJsonObject().getJsonObject("headers").getString("webhook-id"))
                        .distinct())
                .hasSize(1);
        JsonObject request = received().getJsonObject(0);
        assertThat(request.getString("method")).isEqualTo("POST");
        assertThat(request.getJsonObject("headers").getString("authorization")).isEqualTo("<redacted>");
        JsonObject body = json(request.getString("body"));
        assertThat(body.getString("customer_name")).isEqualTo("Ann O'Brien");
        assertThat(body.getString("product_name")).isEqualTo("Widget");
        assertThat(body.getInt("quantity")).isEqualTo(3);
    }

    @Test
    void badDemoInputIsA400NotA500() throws Exception {
        HttpResponse<String> response = post("api/demo/sales", "{\"customer\":1}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("quantity");
    }

    @Test
    void badBulkInputIsA400NotA500() throws Exception {
        assertThat(post("api/demo/sales/bulk?customer=1&product=2&count=0", "").statusCode())
                .isEqualTo(400);
        assertThat(post("api/demo/sales/bulk?customer=1&product=2&count=10001", "")
                        .statusCode())
                .isEqualTo(400);
        assertThat(post("api/demo/sales/bulk?count=5", "").statusCode()).isEqualTo(400);
        HttpResponse<String> unknown = post("api/demo/sales/bulk?customer=-1&product=-2&count=5", "");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("no such id");
    }

    private JsonArray received() throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(uri("api/demo/received")).build(), HttpResponse.BodyHandlers.ofString());
        try (var reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readArray();
        }
    }

    private HttpResponse<String> post(String path, String json) throws Exception {
        return http.send(
                HttpRequest.newBuilder(uri(path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /**
     * The app's URL on loopback, as a user of the README reaches it: Arquillian hands over the machine's own
     * address, which the demo's webhook (built from the request's base URI) could not reach, since only
     * loopback is an allowed private network in the test settings.
     */
    private URI uri(String path) {
        URI arquillian = URI.create(base.toString());
        return URI.create("http://127.0.0.1:" + arquillian.getPort() + arquillian.getPath())
                .resolve(path);
    }

    private static JsonObject json(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }
}
