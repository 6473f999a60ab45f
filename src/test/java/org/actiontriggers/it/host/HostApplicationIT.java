package org.actiontriggers.it.host;

import static org.actiontriggers.it.ApiClient.CONSOLE;
import static org.actiontriggers.it.ApiClient.DELIVERIES;
import static org.actiontriggers.it.ApiClient.TRIGGERS;
import static org.actiontriggers.it.ApiClient.WEBHOOKS;
import static org.actiontriggers.it.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.actiontriggers.it.ApiClient;
import org.actiontriggers.it.TestReceiver;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Action Triggers inside an application nobody wrote for it: the shop of {@code com.example.shop}, with its own
 * entities, its one persistence unit injected without a name, its JAX-RS application at {@code /api}, an EJB,
 * and its own Jakarta Security mechanism whose groups carry our roles ({@code shop-ops} admin, {@code
 * shop-audit} viewer). Everything is driven from outside over HTTP on loopback, as a user would.
 */
@ExtendWith(ArquillianExtension.class)
class HostApplicationIT {

    private static final Duration DELIVERED = Duration.ofSeconds(60);

    @Deployment(testable = false)
    static WebArchive shop() {
        return HostWar.withItsOwnSecurity();
    }

    @ArquillianResource
    URL deployed;

    private final TestReceiver receiver = TestReceiver.get();
    private ApiClient anonymous;
    private ApiClient ops;
    private ApiClient audit;
    private ApiClient clerk;
    private String path;

    @BeforeEach
    void signInAndStartClean(TestInfo test) {
        anonymous = ApiClient.anonymous(loopback(deployed));
        ops = anonymous.as("olivia", "ops-password");
        audit = anonymous.as("aaron", "audit-password");
        clerk = anonymous.as("carl", "clerk-password");
        path = "/hooks/shop/" + test.getTestMethod().orElseThrow().getName() + "/" + System.nanoTime();
        for (JsonValue config : json(ops.get(TRIGGERS + "?page_size=100")).getJsonArray("results")) {
            assertThat(ops.delete(TRIGGERS + "/" + config.asJsonObject().getJsonNumber("id"))
                            .statusCode())
                    .isEqualTo(204);
        }
    }

    @Test
    void aTriggerMadeThroughOurApiWithTheHostsAdminGroupFiresOnTheHostsEntity() {
        long config = createTrigger();

        long order = placeOrder("orders", "Ann", 2);
        await().atMost(DELIVERED).until(() -> receiver.at(path).size() == 1);
        JsonObject first = json(receiver.at(path).get(0).body());
        assertThat(first.getJsonNumber("order").longValue()).isEqualTo(order);
        assertThat(first.getString("customer")).isEqualTo("Ann");
        assertThat(first.getString("status")).isEqualTo("PLACED");

        assertThat(clerk.put("api/orders/" + order + "/paid", "").statusCode()).isEqualTo(200);
        await().atMost(DELIVERED).until(() -> receiver.at(path).size() == 2);
        assertThat(json(receiver.at(path).get(1).body()).getString("status")).isEqualTo("PAID");

        assertThat(json(audit.get(DELIVERIES + "?config=" + config)).getInt("count"))
                .isEqualTo(2);
    }

    @Test
    void savesThroughTheHostsEjbTriggerToo() {
        createTrigger();

        long order = placeOrder("orders/by-desk", "Bea", 1);
        assertThat(clerk.put("api/orders/" + order + "/shipped", "").statusCode())
                .isEqualTo(204);

        await().atMost(DELIVERED).until(() -> receiver.at(path).size() == 2);
        assertThat(receiver.at(path))
                .extracting(r -> json(r.body()).getString("status"))
                .containsExactlyInAnyOrder("PLACED", "SHIPPED");
    }

    @Test
    void aHostTransactionThatRollsBackSendsNothing() {
        long config = createTrigger();

        HttpResponse<String> refused = clerk.post("api/orders", "{\"customer\":\"Cy\",\"sku\":\"W-1\",\"quantity\":0}");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).isEqualTo("shop says: quantity must be positive");
        long marker = placeOrder("orders", "Di", 1);

        await().atMost(DELIVERED).until(() -> receiver.at(path).size() == 1);
        assertThat(json(receiver.at(path).get(0).body()).getJsonNumber("order").longValue())
                .isEqualTo(marker);
        assertThat(json(ops.get(DELIVERIES + "?config=" + config)).getInt("count"))
                .isEqualTo(1);
        assertThat(json(clerk.get("api/orders").body().replaceFirst("^\\[", "{\"a\":[") + "}")
                        .getJsonArray("a"))
                .noneMatch(o -> o.asJsonObject().getString("customer").equals("Cy"));
    }

    @Test
    void theHostsOwnEndpointsAndRulesStayAsTheyWere() {
        assertThat(anonymous.get("api/catalog").body()).isEqualTo("widget, gadget");
        HttpResponse<String> unsigned = anonymous.get("api/orders");
        assertThat(unsigned.statusCode()).isEqualTo(401);
        assertThat(unsigned.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(v -> assertThat(v).contains("shop"));
        assertThat(audit.get("api/orders").statusCode()).isEqualTo(403);
        assertThat(clerk.get("api/orders").statusCode()).isEqualTo(200);
        HttpResponse<String> bug = clerk.get("api/orders/broken");
        assertThat(bug.statusCode()).isEqualTo(500);
        assertThat(bug.headers().firstValue("Content-Type"))
                .isNotEqualTo(java.util.Optional.of("application/problem+json"));
    }

    @Test
    void ourAdminEndpointsAnswerOnlyToOurRolesUnderEveryPath() {
        long config = createTrigger();
        for (String triggers : List.of(TRIGGERS, "api/action-triggers")) {
            for (ApiClient caller : List.of(anonymous, clerk)) {
                int expected = caller == anonymous ? 401 : 403;
                for (HttpResponse<String> response : List.of(
                        caller.get(triggers),
                        caller.get(triggers + "/" + config),
                        caller.post(triggers, document("http://127.0.0.1:1/hooks/never")),
                        caller.delete(triggers + "/" + config),
                        caller.get(triggers + "/deliveries"),
                        caller.post(triggers + "/webhooks/1/recover?since=2026-01-01T00:00:00Z", ""))) {
                    assertThat(response.statusCode())
                            .as(response.request().method() + " " + response.uri())
                            .isEqualTo(expected);
                }
            }
        }
        assertThat(json(ops.get(TRIGGERS)).getInt("count")).isEqualTo(1);
        assertThat(ops.get("api/action-triggers/" + config).statusCode()).isEqualTo(200);

        assertThat(anonymous.get(CONSOLE + "index.xhtml").statusCode()).isEqualTo(401);
        assertThat(clerk.get(CONSOLE + "index.xhtml").statusCode()).isEqualTo(403);
        HttpResponse<String> console = ops.get(CONSOLE + "index.xhtml");
        assertThat(console.statusCode()).isEqualTo(200);
        assertThat(console.body()).contains("Triggers", "olivia");
        assertThat(ops.get(CONSOLE + "login.xhtml").statusCode()).isEqualTo(404);
        assertThat(ops.get(WEBHOOKS + "/0/recover").statusCode()).isEqualTo(405);
    }

    @Test
    void aViewerFromTheHostsGroupsMayReadButNotChange() {
        long config = createTrigger();

        assertThat(audit.get(TRIGGERS + "/" + config).statusCode()).isEqualTo(200);
        assertThat(audit.get(DELIVERIES).statusCode()).isEqualTo(200);
        for (HttpResponse<String> response : List.of(
                audit.post(TRIGGERS, document(receiver.url(path))),
                audit.patch(TRIGGERS + "/" + config, "{\"active\": false}"),
                audit.delete(TRIGGERS + "/" + config))) {
            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(json(response).getString("type")).isEqualTo("urn:action-triggers:problem:forbidden");
        }
        assertThat(json(audit.get(TRIGGERS + "/" + config)).getBoolean("active"))
                .isTrue();
        assertThat(audit.get(CONSOLE + "index.xhtml").statusCode()).isEqualTo(200);
        assertThat(audit.get(CONSOLE + "edit/trigger.xhtml").statusCode()).isEqualTo(403);
    }

    private long createTrigger() {
        HttpResponse<String> created = ops.post(TRIGGERS, document(receiver.url(path)));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created).getJsonNumber("id").longValue();
    }

    private static String document(String url) {
        return """
                {
                  "active": true,
                  "payload": {"order": "{{ id }}", "customer": "{{ customer }}", "status": "{{ status }}"},
                  "config_signals": [{"signal": "post_save"}],
                  "content_types": [{"app_label": "shop", "model": "ShopOrder"}],
                  "webhooks": [{"url": "%s", "http_method": "POST", "timeout_secs": 5}]
                }
                """.formatted(url);
    }

    private long placeOrder(String where, String customer, int quantity) {
        HttpResponse<String> placed = clerk.post(
                "api/" + where, "{\"customer\":\"" + customer + "\",\"sku\":\"W-1\",\"quantity\":" + quantity + "}");
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
        return json(placed).getJsonNumber("id").longValue();
    }

    /** The application's URL on loopback, as a user on the machine reaches it. */
    static URI loopback(URL base) {
        return URI.create("http://127.0.0.1:" + base.getPort() + base.getPath());
    }
}
