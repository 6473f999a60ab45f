package org.actiontriggers.it;

import static org.actiontriggers.it.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The README's walkthrough, done over HTTP from outside the server exactly as a new user would with curl. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DemoWalkthroughIT extends ApiFixture {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @Test
    void theSeedTriggerFiresWhenASaleIsCreatedThroughTheDemoApi() {
        assertThat(anonymous.post("api/demo/seed-trigger", "").statusCode()).isEqualTo(200);
        long customer = createdId(
                anonymous.post("api/demo/customers", "{\"name\":\"Ann O'Brien\",\"email\":\"ann@example.com\"}"));
        long product = createdId(anonymous.post("api/demo/products", "{\"name\":\"Widget\",\"description\":\"blue\"}"));

        HttpResponse<String> sale = anonymous.post(
                "api/demo/sales", "{\"customer\":" + customer + ",\"product\":" + product + ",\"quantity\":3}");
        assertThat(sale.statusCode()).isEqualTo(201);

        // The demo receiver lives in the same server; on a loaded machine a send may time out after the
        // receiver recorded it, and the retry then arrives again with the same webhook-id (at least once).
        await().atMost(DELIVERED).until(() -> !received().isEmpty());
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
    void badDemoInputIsA400NotA500() {
        HttpResponse<String> response = anonymous.post("api/demo/sales", "{\"customer\":1}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("quantity");

        // bound by JSON-B these were a 500 (malformed JSON, a string id) or a sale stored with a truncated quantity
        HttpResponse<String> malformed = anonymous.post("api/demo/sales", "{");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).startsWith("body: not valid JSON");
        HttpResponse<String> stringId =
                anonymous.post("api/demo/sales", "{\"customer\":\"a\",\"product\":2,\"quantity\":3}");
        assertThat(stringId.statusCode()).isEqualTo(400);
        assertThat(stringId.body()).isEqualTo("customer: must be a whole number, not a string");
        long customer = createdId(anonymous.post("api/demo/customers", "{\"name\":\"Bo\"}"));
        long product = createdId(anonymous.post("api/demo/products", "{\"name\":\"Gadget\"}"));
        HttpResponse<String> tooMany = anonymous.post(
                "api/demo/sales",
                "{\"customer\":" + customer + ",\"product\":" + product + ",\"quantity\":99999999999}");
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(tooMany.body()).isEqualTo("quantity: must be from 1 to 1000000, not 99999999999");
        long sale = createdId(anonymous.post(
                "api/demo/sales", "{\"customer\":" + customer + ",\"product\":" + product + ",\"quantity\":2}"));
        HttpResponse<String> unknownField = anonymous.put("api/demo/sales/" + sale, "{\"quantty\":3}");
        assertThat(unknownField.statusCode()).isEqualTo(400);
        assertThat(unknownField.body()).startsWith("quantty: not a known field");
        HttpResponse<String> changed = anonymous.put("api/demo/sales/" + sale, "{\"quantity\":3}");
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(json(changed.body()).getInt("quantity")).isEqualTo(3);
    }

    @Test
    void badBulkInputIsA400NotA500() {
        assertThat(anonymous
                        .post("api/demo/sales/bulk?customer=1&product=2&count=0", "")
                        .statusCode())
                .isEqualTo(400);
        assertThat(anonymous
                        .post("api/demo/sales/bulk?customer=1&product=2&count=10001", "")
                        .statusCode())
                .isEqualTo(400);
        assertThat(anonymous.post("api/demo/sales/bulk?count=5", "").statusCode())
                .isEqualTo(400);
        HttpResponse<String> unknown = anonymous.post("api/demo/sales/bulk?customer=-1&product=-2&count=5", "");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("no such id");
    }

    private JsonArray received() {
        return ApiClient.structure(anonymous.get("api/demo/received").body()).asJsonArray();
    }
}
