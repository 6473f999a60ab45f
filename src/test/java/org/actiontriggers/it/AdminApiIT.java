package org.actiontriggers.it;

import static org.actiontriggers.it.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.actiontriggers.admin.DocumentFuzzer;
import org.assertj.core.api.SoftAssertions;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The admin API over real HTTP from outside the server, as a client with curl would use it: Django Action
 * Triggers' documents in, strict refusals out, and triggers created through it firing for real.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AdminApiIT extends ApiFixture {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    /** The seed page's trigger as a DAT document, aimed at this test's receiver. */
    private String seedDocument() {
        return """
                {
                  "active": true,
                  "payload": {
                    "customer_name": "{{ customer.name }}",
                    "product_name": "{{ product.name }}",
                    "quantity": "{{ quantity }}"
                  },
                  "config_signals": [{"signal": "post_save"}],
                  "content_types": [{"app_label": "shop", "model": "Sale"}],
                  "webhooks": [{
                    "url": "%s",
                    "http_method": "POST",
                    "headers": {"Authorization": "Bearer {{ org.actiontriggers.it.TestSecrets.token }}"},
                    "timeout_secs": 5
                  }],
                  "message_broker_queues": [],
                  "actions": []
                }
                """.formatted(hook);
    }

    /**
     * Issue 18 item 9 on a real server: generated bodies (see {@link DocumentFuzzer}) to create and to replace a
     * config are answered 2xx or a 4xx problem, never a 500; a refused body stores nothing and changes nothing.
     */
    @Test
    void generatedDocumentsAreStoredWholeOrRefusedWithAProblemAndChangeNothing() {
        DocumentFuzzer fuzzer = new DocumentFuzzer(18_009);
        int created = 0;
        for (int i = 0; i < 1_000; i++) {
            String body = fuzzer.next();
            HttpResponse<String> answer = admin.post(TRIGGERS, body);
            assertThat(answer.statusCode())
                    .as("POST of generated body %d %s answered %s", i, abbreviated(body), abbreviated(answer.body()))
                    .isIn(201, 400, 413, 422);
            if (answer.statusCode() == 201) {
                created++;
            } else {
                assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            }
        }
        assertThat(created).as("generated bodies accepted").isPositive();
        assertThat(configCount()).as("configs stored").isEqualTo(created);

        long id = createdId(admin.post(TRIGGERS, DocumentFuzzer.VALID));
        String stored = admin.get(TRIGGERS + "/" + id).body();
        for (int i = 0; i < 300; i++) {
            String body = fuzzer.next();
            HttpResponse<String> answer = admin.put(TRIGGERS + "/" + id, body);
            assertThat(answer.statusCode())
                    .as("PUT of generated body %d %s answered %s", i, abbreviated(body), abbreviated(answer.body()))
                    .isIn(200, 400, 413, 422);
            if (answer.statusCode() == 200) {
                stored = admin.get(TRIGGERS + "/" + id).body();
            } else {
                assertThat(admin.get(TRIGGERS + "/" + id).body())
                        .as("config after the refused PUT of %s", abbreviated(body))
                        .isEqualTo(stored);
            }
        }
    }

    private static String abbreviated(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    @Test
    void brokerQueuesAreStoredAndShownInDatsShapeWithThePasswordMasked() {
        String document = seedDocument().replace("\"message_broker_queues\": []", """
                        "message_broker_queues": [
                          {"name": "it-rabbit", "conn_details": {"password": "guest", "port": 5672},
                           "parameters": {"exchange": "shop", "routing_key": "sale.new"}, "timeout_secs": 2.5},
                          {"name": "it-redis", "conn_details": {}, "parameters": {}}
                        ]""");

        HttpResponse<String> created = admin.post(TRIGGERS, document);

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonArray queues = json(created).getJsonArray("message_broker_queues");
        assertThat(queues).hasSize(2);
        JsonObject rabbit = queues.getJsonObject(0);
        assertThat(rabbit.getString("name")).isEqualTo("it-rabbit");
        assertThat(rabbit.getJsonObject("conn_details").getString("password")).isEqualTo("****");
        assertThat(rabbit.getJsonObject("conn_details").getString("port")).isEqualTo("5672");
        assertThat(rabbit.getJsonObject("parameters").getString("routing_key")).isEqualTo("sale.new");
        assertThat(rabbit.getJsonNumber("timeout_secs").doubleValue()).isEqualTo(2.5);
        assertThat(queues.getJsonObject(1).getJsonObject("parameters")).isEmpty();
        assertThat(created.body()).doesNotContain("guest");

        // read, change, write back: the masked password keeps the stored one
        long id = json(created).getJsonNumber("id").longValue();
        String readBack = admin.get(TRIGGERS + "/" + id).body().replace("sale.new", "sale.changed");
        HttpResponse<String> replaced = admin.put(TRIGGERS + "/" + id, readBack);
        assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(200);
        JsonObject changed =
                json(replaced).getJsonArray("message_broker_queues").getJsonObject(0);
        assertThat(changed.getJsonObject("parameters").getString("routing_key")).isEqualTo("sale.changed");
        assertThat(changed.getJsonObject("conn_details").getString("password")).isEqualTo("****");
        assertThat(changed.getJsonNumber("id")).isEqualTo(rabbit.getJsonNumber("id"));
    }

    @Test
    void createAnswers201WithLocationAndTheStoredDocument() {
        HttpResponse<String> created = admin.post(TRIGGERS, seedDocument());

        assertThat(created.statusCode()).isEqualTo(201);
        JsonObject doc = json(created);
        long id = doc.getJsonNumber("id").longValue();
        assertThat(created.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/" + TRIGGERS + "/" + id));
        assertThat(doc.getBoolean("active")).isTrue();
        assertThat(doc.getJsonObject("payload").getString("quantity")).isEqualTo("{{ quantity }}");
        assertThat(doc.getJsonArray("config_signals").getJsonObject(0).getString("signal"))
                .isEqualTo("post_save");
        assertThat(doc.getJsonArray("content_types").getJsonObject(0).getString("model"))
                .isEqualTo("Sale");
        JsonObject webhook = doc.getJsonArray("webhooks").getJsonObject(0);
        assertThat(webhook.getString("url")).isEqualTo(hook);
        assertThat(webhook.getString("http_method")).isEqualTo("POST");
        assertThat(webhook.getJsonObject("headers").getString("Authorization"))
                .isEqualTo("Bearer {{ org.actiontriggers.it.TestSecrets.token }}");
        assertThat(webhook.getJsonNumber("timeout_secs").doubleValue()).isEqualTo(5.0);
        assertThat(doc.getJsonArray("message_broker_queues")).isEmpty();
        assertThat(doc.getJsonArray("actions")).isEmpty();

        HttpResponse<String> read = admin.get(TRIGGERS + "/" + id);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(json(read)).isEqualTo(doc);
    }

    @Test
    void listFiltersByActiveAndContentTypeAndPages() {
        long sale = createdId(seedDocument());
        long inactive = createdId(seedDocument().replace("\"active\": true", "\"active\": false"));
        long customer = createdId(seedDocument().replace("\"model\": \"Sale\"", "\"model\": \"customer\""));

        assertThat(ids(admin.get(TRIGGERS))).containsExactly(sale, inactive, customer);
        assertThat(json(admin.get(TRIGGERS)).getInt("count")).isEqualTo(3);
        assertThat(ids(admin.get(TRIGGERS + "?active=true"))).containsExactly(sale, customer);
        assertThat(ids(admin.get(TRIGGERS + "?active=false"))).containsExactly(inactive);
        assertThat(ids(admin.get(TRIGGERS + "?content_type=Sale"))).containsExactly(sale, inactive);
        assertThat(ids(admin.get(TRIGGERS + "?content_type=customer&active=true")))
                .containsExactly(customer);

        JsonObject second = json(admin.get(TRIGGERS + "?page=2&page_size=2"));
        assertThat(second.getInt("count")).isEqualTo(3);
        assertThat(second.getInt("page")).isEqualTo(2);
        assertThat(second.getInt("page_size")).isEqualTo(2);
        assertThat(ids(second)).containsExactly(customer);

        assertParameterProblem(admin.get(TRIGGERS + "?page=0"), "page");
        assertParameterProblem(admin.get(TRIGGERS + "?page_size=1000"), "page_size");
        assertParameterProblem(admin.get(TRIGGERS + "?active=yes"), "active");
    }

    @Test
    void putReplacesTheChildrenAndKeepsTheIdOfAWebhookItUpdates() {
        JsonObject created = json(admin.post(TRIGGERS, seedDocument()));
        long id = created.getJsonNumber("id").longValue();
        long webhookId = created.getJsonArray("webhooks")
                .getJsonObject(0)
                .getJsonNumber("id")
                .longValue();

        String replacement = seedDocument()
                .replace(
                        "[{\"signal\": \"post_save\"}]",
                        "[{\"signal\": \"PRE_DELETE\"}, {\"signal\": \"post_delete\"}]")
                .replace("\"timeout_secs\": 5", "\"timeout_secs\": 2.5")
                .replace("\"payload\": {", "\"payload\": {\"action\": \"sale\",");
        HttpResponse<String> replaced = admin.put(TRIGGERS + "/" + id, replacement);

        assertThat(replaced.statusCode()).isEqualTo(200);
        JsonObject doc = json(admin.get(TRIGGERS + "/" + id));
        assertThat(doc.getJsonArray("config_signals"))
                .extracting(v -> v.asJsonObject().getString("signal"))
                .containsExactly("pre_delete", "post_delete");
        assertThat(doc.getJsonObject("payload").getString("action")).isEqualTo("sale");
        JsonObject webhook = doc.getJsonArray("webhooks").getJsonObject(0);
        assertThat(webhook.getJsonNumber("id").longValue()).isEqualTo(webhookId);
        assertThat(webhook.getJsonNumber("timeout_secs").doubleValue()).isEqualTo(2.5);

        String twoWebhooks = replacement.replace(
                "\"message_broker_queues\"",
                "\"webhooks\": [{\"url\": \"" + hook + "/a\"}, {\"url\": \"" + hook
                        + "/b\", \"http_method\": \"put\"}]," + " \"message_broker_queues\"");
        String withoutOldWebhooks =
                twoWebhooks.replaceFirst("(?s)\"webhooks\": \\[\\{\\s*\"url\".*?}],\\s*\"webhooks\"", "\"webhooks\"");
        HttpResponse<String> second = admin.put(TRIGGERS + "/" + id, withoutOldWebhooks);
        assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
        JsonArray webhooks = json(admin.get(TRIGGERS + "/" + id)).getJsonArray("webhooks");
        assertThat(webhooks).hasSize(2);
        assertThat(webhooks.getJsonObject(0).getString("url")).isEqualTo(hook + "/a");
        assertThat(webhooks.getJsonObject(0).getJsonObject("headers")).isEmpty();
        assertThat(webhooks.getJsonObject(1).getString("http_method")).isEqualTo("PUT");
    }

    @Test
    void putWithAnotherIdInTheBodyOrOfAnUnknownConfigIsRefused() {
        long id = createdId(seedDocument());

        assertProblem(
                admin.put(
                        TRIGGERS + "/" + id,
                        seedDocument().replace("\"active\": true", "\"id\": 999, \"active\": true")),
                422,
                "/id");
        HttpResponse<String> unknown = admin.put(TRIGGERS + "/987654", seedDocument());
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).getString("type")).isEqualTo("urn:action-triggers:problem:not-found");
    }

    @Test
    void patchSwitchesActiveAndNothingElse() {
        long id = createdId(seedDocument());

        HttpResponse<String> off = admin.patch(TRIGGERS + "/" + id, "{\"active\": false}");

        assertThat(off.statusCode()).as(off.body()).isEqualTo(200);
        assertThat(json(admin.get(TRIGGERS + "/" + id)).getBoolean("active")).isFalse();
        assertProblem(admin.patch(TRIGGERS + "/" + id, "{\"active\": true, \"payload\": null}"), 422, "/payload");
        assertProblem(admin.patch(TRIGGERS + "/" + id, "{\"active\": \"yes\"}"), 422, "/active");
        assertProblem(admin.patch(TRIGGERS + "/" + id, "{}"), 422, "/active");
        assertThat(json(admin.get(TRIGGERS + "/" + id)).getBoolean("active")).isFalse();
        assertThat(admin.patch(TRIGGERS + "/987654", "{\"active\": true}").statusCode())
                .isEqualTo(404);
    }

    @Test
    void deleteRemovesTheConfigAndThenItIsNotFound() {
        long id = createdId(seedDocument());

        assertThat(admin.delete(TRIGGERS + "/" + id).statusCode()).isEqualTo(204);

        HttpResponse<String> gone = admin.get(TRIGGERS + "/" + id);
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(gone.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(admin.delete(TRIGGERS + "/" + id).statusCode()).isEqualTo(404);
        assertThat(admin.get(TRIGGERS + "/not-a-number").statusCode()).isEqualTo(404);
    }

    @Test
    void aChangeBasedOnAnOldReadIsRefusedWith412AndOneBasedOnTheCurrentETagIsApplied() {
        HttpResponse<String> created = admin.post(TRIGGERS, seedDocument());
        long id = json(created).getJsonNumber("id").longValue();
        String path = TRIGGERS + "/" + id;
        String first = created.headers().firstValue("ETag").orElseThrow();
        assertThat(admin.get(path).headers().firstValue("ETag")).hasValue(first);

        // Alice and Bob both read version `first`; Bob saves a new timeout for the webhook first
        JsonObject read = json(admin.get(path));
        JsonObject webhook = Json.createObjectBuilder(
                        read.getJsonArray("webhooks").getJsonObject(0))
                .add("timeout_secs", 7)
                .build();
        String bobs = Json.createObjectBuilder(read)
                .add("webhooks", Json.createArrayBuilder().add(webhook))
                .build()
                .toString();
        HttpResponse<String> bob = admin.send("PUT", path, bobs, "application/json", "If-Match", first);
        assertThat(bob.statusCode()).as(bob.body()).isEqualTo(200);
        String second = bob.headers().firstValue("ETag").orElseThrow();
        assertThat(second).as("a change of a webhook alone moves the version").isNotEqualTo(first);

        // Alice's change, based on `first`, would silently undo Bob's: refused, nothing written
        String alices = seedDocument().replace("\"active\": true", "\"active\": false");
        HttpResponse<String> alice = admin.send("PUT", path, alices, "application/json", "If-Match", first);
        assertProblemType(alice, 412, "urn:action-triggers:problem:precondition-failed");
        assertThat(alice.headers().firstValue("ETag")).hasValue(second);
        assertProblemType(
                admin.send("PATCH", path, "{\"active\": false}", "application/merge-patch+json", "If-Match", first),
                412,
                "urn:action-triggers:problem:precondition-failed");
        assertProblemType(
                admin.send("DELETE", path, null, null, "If-Match", first),
                412,
                "urn:action-triggers:problem:precondition-failed");
        assertProblemType(
                admin.send("PUT", path, alices, "application/json", "If-Match", "W/" + second),
                412,
                "urn:action-triggers:problem:precondition-failed");
        JsonObject stored = json(admin.get(path));
        assertThat(stored.getBoolean("active")).isTrue();
        assertThat(stored.getJsonArray("webhooks")
                        .getJsonObject(0)
                        .getJsonNumber("timeout_secs")
                        .doubleValue())
                .isEqualTo(7.0);

        // with the current tag (or one of a list, or *) the change is applied
        HttpResponse<String> patched = admin.send(
                "PATCH",
                path,
                "{\"active\": false}",
                "application/merge-patch+json",
                "If-Match",
                first + ", " + second);
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
        String third = patched.headers().firstValue("ETag").orElseThrow();
        assertThat(third).isNotIn(first, second);
        assertThat(admin.send("PUT", path, alices, "application/json", "If-Match", "*")
                        .statusCode())
                .isEqualTo(200);
        String fourth = admin.get(path).headers().firstValue("ETag").orElseThrow();
        assertThat(admin.send("DELETE", path, null, null, "If-Match", fourth).statusCode())
                .isEqualTo(204);
        assertThat(admin.get(path).statusCode()).isEqualTo(404);
    }

    @Test
    void aTriggerCreatedThroughTheApiFiresWhenASaleIsSaved() {
        createdId(seedDocument());

        long sale = demoSale(3);

        await().atMost(DELIVERED).until(() -> receiver.at(hookPath).size() == 1);
        TestReceiver.Received received = receiver.at(hookPath).get(0);
        assertThat(received.headers()).containsEntry("authorization", "Bearer " + TestSecrets.TOKEN);
        JsonObject body = json(received.body());
        assertThat(body.getString("customer_name")).isEqualTo("Ann O'Brien");
        assertThat(body.getInt("quantity")).isEqualTo(3);
        assertThat(sale).isPositive();
    }

    @Test
    void deliveriesAreListedWithTheirAttemptsAndFailuresCanBeSentAgain() {
        receiver.respond(hookPath, 400, 400, 200);
        JsonObject config = json(admin.post(TRIGGERS, seedDocument()));
        long configId = config.getJsonNumber("id").longValue();
        long webhookId = config.getJsonArray("webhooks")
                .getJsonObject(0)
                .getJsonNumber("id")
                .longValue();
        String since = Instant.now().minusSeconds(1).toString();

        long firstSale = demoSale(1);
        JsonObject first = awaitDelivery("config=" + configId + "&entity_type=Sale&entity_id=" + firstSale, "failed");
        long secondSale = demoSale(2);
        JsonObject second =
                awaitDelivery("webhook=" + webhookId + "&entity_type=Sale&entity_id=" + secondSale, "failed");

        JsonObject detail = json(admin.get(DELIVERIES + "/" + first.getString("id")));
        assertThat(detail.getString("state")).isEqualTo("failed");
        assertThat(detail.getInt("last_status")).isEqualTo(400);
        assertThat(detail.getString("body")).contains("\"quantity\":1");
        assertThat(detail.getJsonArray("attempt_log")).hasSize(1);
        assertThat(detail.getJsonArray("attempt_log").getJsonObject(0).getInt("status_code"))
                .isEqualTo(400);
        assertThat(json(admin.get(DELIVERIES + "?state=FAILED&config=" + configId))
                        .getInt("count"))
                .isEqualTo(2);
        assertThat(json(admin.get(DELIVERIES + "?state=succeeded&config=" + configId))
                        .getInt("count"))
                .isZero();
        assertThat(json(admin.get(DELIVERIES + "?config=" + configId + "&since=" + since))
                        .getInt("count"))
                .isEqualTo(2);
        assertThat(json(admin.get(DELIVERIES + "?config=" + configId + "&until=" + since))
                        .getInt("count"))
                .isZero();

        HttpResponse<String> again = admin.post(DELIVERIES + "/" + first.getString("id") + "/redeliver", "");
        assertThat(again.statusCode()).as(again.body()).isEqualTo(202);
        await().atMost(DELIVERED)
                .until(() -> json(admin.get(DELIVERIES + "/" + first.getString("id")))
                        .getString("state")
                        .equals("succeeded"));
        List<TestReceiver.Received> arrived = receiver.at(hookPath);
        assertThat(arrived.get(arrived.size() - 1).headers()).containsEntry("webhook-id", first.getString("id"));

        HttpResponse<String> recovered = admin.post(WEBHOOKS + "/" + webhookId + "/recover?since=" + since, "");
        assertThat(recovered.statusCode()).as(recovered.body()).isEqualTo(202);
        assertThat(json(recovered).getInt("redelivered")).isEqualTo(1);
        await().atMost(DELIVERED)
                .until(() -> json(admin.get(DELIVERIES + "/" + second.getString("id")))
                        .getString("state")
                        .equals("succeeded"));
        assertThat(json(admin.get(DELIVERIES + "/" + second.getString("id"))).getJsonArray("attempt_log"))
                .hasSize(2);

        assertThat(admin.get(DELIVERIES + "/no-such-delivery").statusCode()).isEqualTo(404);
        assertThat(admin.post(DELIVERIES + "/no-such-delivery/redeliver", "").statusCode())
                .isEqualTo(404);
        assertParameterProblem(admin.get(DELIVERIES + "?state=lost"), "state");
        assertParameterProblem(admin.get(DELIVERIES + "?since=yesterday"), "since");
        assertParameterProblem(admin.get(DELIVERIES + "?config=abc"), "config");
        assertParameterProblem(admin.post(WEBHOOKS + "/" + webhookId + "/recover", ""), "since");
    }

    @Test
    void previewRendersTheBodyForARealEntityAndSendsNothing() {
        long id = createdId(seedDocument()
                .replace("\"active\": true", "\"active\": false")
                .replace("\"headers\": {", "\"headers\": {\"X-Api-Key\": \"literal-api-key-0123456789\","));
        long sale = demoSale(4);

        HttpResponse<String> response = admin.post(
                TRIGGERS + "/" + id + "/preview", "{\"entity_type\": \"sale\", \"entity_id\": " + sale + "}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonObject preview = json(response);
        assertThat(preview.getString("entity_type")).isEqualTo("Sale");
        assertThat(preview.getString("signal")).isEqualTo("post_save");
        assertThat(preview.getString("content_type")).isEqualTo("application/json");
        JsonObject payload = preview.getJsonObject("payload");
        assertThat(payload.getString("customer_name")).isEqualTo("Ann O'Brien");
        assertThat(payload.getString("product_name")).isEqualTo("Widget");
        assertThat(payload.getInt("quantity")).isEqualTo(4);
        JsonObject request = preview.getJsonArray("webhooks").getJsonObject(0);
        assertThat(request.getString("url")).isEqualTo(hook);
        assertThat(request.getJsonObject("headers").getString("Authorization"))
                .isEqualTo("Bearer {{ org.actiontriggers.it.TestSecrets.token }}");
        assertThat(request.getJsonObject("headers").getString("X-Api-Key")).isEqualTo("****");
        assertThat(request.getJsonObject("headers").getString("Content-Type")).isEqualTo("application/json");
        assertThat(response.body()).doesNotContain(TestSecrets.TOKEN, "literal-api-key-0123456789");

        String unsaved = "{\"entity_type\": \"Sale\", \"entity_id\": \"" + sale + "\", \"signal\": \"POST_DELETE\","
                + " \"config\": "
                + seedDocument()
                        .replaceFirst(
                                "(?s)\"payload\": \\{.*?},",
                                "\"payload\": \"{{ signal }}: {{ customer.name }} x {{ quantity }}\",")
                        .replace("\"post_save\"", "\"post_delete\"")
                + "}";
        HttpResponse<String> text = admin.post(TRIGGERS + "/preview", unsaved);
        assertThat(text.statusCode()).as(text.body()).isEqualTo(200);
        assertThat(json(text).getString("body")).isEqualTo("post_delete: Ann O'Brien x 4");
        assertThat(json(text).getString("content_type")).startsWith("text/plain");

        assertProblem(
                admin.post(TRIGGERS + "/" + id + "/preview", "{\"entity_type\": \"Sale\", \"entity_id\": 999999}"),
                422,
                "/entity_id");
        assertProblem(
                admin.post(TRIGGERS + "/" + id + "/preview", "{\"entity_type\": \"Customer\", \"entity_id\": 1}"),
                422,
                "/entity_type");
        assertProblem(admin.post(TRIGGERS + "/" + id + "/preview", "{\"entity_type\": \"Sale\"}"), 422, "/entity_id");
        assertProblem(
                admin.post(TRIGGERS + "/" + id + "/preview", "{\"entity_type\": \"Sale\", \"entity_id\": \"x1\"}"),
                422,
                "/entity_id");
        assertProblem(
                admin.post(TRIGGERS + "/preview", unsaved.replace(hook, "https://evil.example/")),
                422,
                "/config/webhooks/0/url");
        assertThat(admin.post(TRIGGERS + "/987654/preview", "{\"entity_type\": \"Sale\", \"entity_id\": 1}")
                        .statusCode())
                .isEqualTo(404);
        assertThat(configCount()).isEqualTo(1);
        assertThat(json(admin.get(DELIVERIES + "?config=" + id)).getInt("count"))
                .isZero();
        assertThat(receiver.at(hookPath)).isEmpty();
    }

    @Test
    void noSecretAppearsInAnyResponseAndAMaskedReadWrittenBackKeepsTheSecret() {
        List<String> secrets = List.of("sk_live_abcdef0123456789", "plain-secret", "tok-12345", "AKIA0123456789ABCDEF");
        String document = seedDocument()
                .replace("\"active\": true", "\"active\": false")
                .replace(
                        "\"headers\": {\"Authorization\": \"Bearer {{ org.actiontriggers.it.TestSecrets.token }}\"}",
                        "\"headers\": {\"Authorization\": \"Bearer sk_live_abcdef0123456789\", \"X-Api-Key\": \"plain-secret\","
                                + " \"X-Auth-Token\": \"tok-12345\", \"X-Custom\": \"AKIA0123456789ABCDEF\"}");
        List<HttpResponse<String>> responses = new ArrayList<>();

        HttpResponse<String> created = admin.post(TRIGGERS, document);
        responses.add(created);
        long id = json(created).getJsonNumber("id").longValue();
        HttpResponse<String> read = admin.get(TRIGGERS + "/" + id);
        responses.add(read);
        responses.add(admin.get(TRIGGERS));
        responses.add(admin.get(TRIGGERS + "?content_type=Sale&active=false"));
        HttpResponse<String> writtenBack = admin.put(TRIGGERS + "/" + id, read.body());
        responses.add(writtenBack);
        responses.add(admin.patch(TRIGGERS + "/" + id, "{\"active\": true}"));
        long sale = demoSale(5);
        responses.add(admin.post(
                TRIGGERS + "/" + id + "/preview", "{\"entity_type\": \"Sale\", \"entity_id\": " + sale + "}"));
        await().atMost(DELIVERED).until(() -> receiver.at(hookPath).size() == 1);
        await().atMost(DELIVERED)
                .until(() -> json(admin.get(DELIVERIES + "?config=" + id)).getInt("count") == 1);
        JsonObject delivery = json(admin.get(DELIVERIES + "?config=" + id))
                .getJsonArray("results")
                .getJsonObject(0);
        responses.add(admin.get(DELIVERIES + "?config=" + id));
        responses.add(admin.get(DELIVERIES + "/" + delivery.getString("id")));

        assertThat(writtenBack.statusCode()).as(writtenBack.body()).isEqualTo(200);
        for (HttpResponse<String> response : responses) {
            assertThat(response.statusCode())
                    .as(response.uri() + ": " + response.body())
                    .isLessThan(300);
            assertThat(response.body()).as(response.uri().toString()).doesNotContain(secrets);
        }
        assertThat(json(read).getJsonArray("webhooks").getJsonObject(0).getJsonObject("headers"))
                .containsEntry("Authorization", Json.createValue("Bearer ****"))
                .containsEntry("X-Api-Key", Json.createValue("****"));
        assertThat(receiver.at(hookPath).get(0).headers())
                .containsEntry("authorization", "Bearer sk_live_abcdef0123456789")
                .containsEntry("x-api-key", "plain-secret")
                .containsEntry("x-auth-token", "tok-12345")
                .containsEntry("x-custom", "AKIA0123456789ABCDEF");
    }

    private JsonObject awaitDelivery(String query, String state) {
        await().atMost(DELIVERED).until(() -> {
            JsonArray results = json(admin.get(DELIVERIES + "?" + query)).getJsonArray("results");
            return results.size() == 1
                    && results.getJsonObject(0).getString("state").equals(state);
        });
        return json(admin.get(DELIVERIES + "?" + query)).getJsonArray("results").getJsonObject(0);
    }

    @Test
    void withoutCredentialsEveryAdminCallIs401WhileTheDemoStaysOpen() {
        long id = createdId(seedDocument().replace("\"active\": true", "\"active\": false"));
        List<HttpResponse<String>> refused = List.of(
                anonymous.get(TRIGGERS),
                anonymous.get(TRIGGERS + "/" + id),
                anonymous.post(TRIGGERS, seedDocument()),
                anonymous.put(TRIGGERS + "/" + id, seedDocument()),
                anonymous.patch(TRIGGERS + "/" + id, "{\"active\": true}"),
                anonymous.delete(TRIGGERS + "/" + id),
                anonymous.post(TRIGGERS + "/" + id + "/preview", "{}"),
                anonymous.get(DELIVERIES),
                anonymous.post(DELIVERIES + "/x/redeliver", ""),
                anonymous.post(WEBHOOKS + "/1/recover?since=2026-01-01T00:00:00Z", ""),
                admin.as("it-admin", "wrong-password").get(TRIGGERS),
                admin.as("nobody", "it-admin-password").get(TRIGGERS));

        for (HttpResponse<String> response : refused) {
            assertThat(response.statusCode())
                    .as(response.request().method() + " " + response.uri())
                    .isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate"))
                    .hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
        assertThat(json(admin.get(TRIGGERS + "/" + id)).getBoolean("active")).isFalse();
        assertThat(configCount()).isEqualTo(1);
        // The demo's own Application at /api publishes every root resource of the WAR, ours too: no way in there.
        for (HttpResponse<String> response : List.of(
                anonymous.get("api/action-triggers"),
                anonymous.post("api/action-triggers", seedDocument()),
                anonymous.delete("api/action-triggers/" + id),
                anonymous.get("api/action-triggers/deliveries"),
                viewer.delete("api/action-triggers/" + id),
                admin.post("api/action-triggers/webhooks/1/recover?since=2026-01-01T00:00:00Z", ""))) {
            assertThat(response.statusCode())
                    .as(response.request().method() + " " + response.uri())
                    .isIn(401, 403);
        }
        assertThat(configCount()).isEqualTo(1);
        assertThat(anonymous.get("api/demo/received").statusCode()).isEqualTo(200);
        assertThat(anonymous.post("api/demo/customers", "{\"name\":\"Open\"}").statusCode())
                .isEqualTo(201);
    }

    @Test
    void theKeyIdsAndTheReEncryptionRunAreOnTheApiForAdminsAndShowNoKey() throws java.io.IOException {
        createdId(seedDocument());
        String keys = TRIGGERS + "/secret-keys";

        HttpResponse<String> read = admin.get(keys);
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        assertThat(json(read).getString("current_key_id")).matches("[0-9a-f]{12}");
        assertThat(json(read).getJsonArray("previous_key_ids")).isEmpty();
        assertThat(json(read).getJsonNumber("not_under_current_key").longValue())
                .isZero();

        HttpResponse<String> run = admin.post(keys + "/re-encryption?batch_size=10", "");
        assertThat(run.statusCode()).as(run.body()).isEqualTo(200);
        assertThat(json(run).getString("key_id")).isEqualTo(json(read).getString("current_key_id"));
        assertThat(json(run).getInt("re_encrypted")).isZero();
        assertThat(json(run).getJsonNumber("remaining").longValue()).isZero();
        java.util.Properties secrets = new java.util.Properties();
        try (var in = AdminApiIT.class.getResourceAsStream("/it-secrets.properties")) {
            secrets.load(in);
        }
        String encryptionKey = secrets.getProperty("secret-encryption-key");
        assertThat(read.body() + run.body()).doesNotContain(encryptionKey).doesNotContain("whsec_");

        assertParameterProblem(admin.post(keys + "/re-encryption?batch_size=0", ""), "batch_size");
        assertThat(viewer.post(keys + "/re-encryption", "").statusCode()).isEqualTo(403);
        assertThat(anonymous.get(keys).statusCode()).isEqualTo(401);
    }

    @Test
    void aViewerMayReadButChangeNothing() {
        long id = createdId(seedDocument().replace("\"active\": true", "\"active\": false"));

        assertThat(viewer.get(TRIGGERS).statusCode()).isEqualTo(200);
        assertThat(viewer.get(TRIGGERS + "/" + id).statusCode()).isEqualTo(200);
        assertThat(viewer.get(DELIVERIES).statusCode()).isEqualTo(200);
        List<HttpResponse<String>> refused = List.of(
                viewer.post(TRIGGERS, seedDocument()),
                viewer.put(TRIGGERS + "/" + id, seedDocument()),
                viewer.patch(TRIGGERS + "/" + id, "{\"active\": true}"),
                viewer.delete(TRIGGERS + "/" + id),
                viewer.post(TRIGGERS + "/" + id + "/preview", "{\"entity_type\": \"Sale\", \"entity_id\": 1}"),
                viewer.post(DELIVERIES + "/x/redeliver", ""),
                viewer.post(WEBHOOKS + "/1/recover?since=2026-01-01T00:00:00Z", ""));
        for (HttpResponse<String> response : refused) {
            assertThat(response.statusCode())
                    .as(response.request().method() + " " + response.uri())
                    .isEqualTo(403);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(json(response).getString("type")).isEqualTo("urn:action-triggers:problem:forbidden");
        }
        assertThat(configCount()).isEqualTo(1);
        assertThat(json(admin.get(TRIGGERS + "/" + id)).getBoolean("active")).isFalse();
    }

    @Test
    void openApiHealthAndMetricsAnswerAndShowOurItems() {
        ApiClient server = ApiClient.anonymous(base.resolve("/"));
        // WildFly answers health and metrics on its management interface, in Micrometer's Prometheus format.
        ApiClient management = ApiClient.anonymous(managementRoot());
        String metricsPath = System.getProperty("it.metrics.path", "metrics?scope=application");

        HttpResponse<String> openapi = server.get("openapi");
        assertThat(openapi.statusCode()).isEqualTo(200);
        assertThat(openapi.body())
                .contains("/action-triggers/{id}/preview", "/action-triggers/deliveries")
                .contains("/action-triggers/webhooks/{id}/recover", "Action Triggers admin API", "customer_name");

        HttpResponse<String> ready = management.get("health/ready");
        assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
        JsonObject health = json(ready);
        assertThat(health.getString("status")).isEqualTo("UP");
        assertThat(health.getJsonArray("checks"))
                .extracting(check -> check.asJsonObject().getString("name"))
                .contains("action-triggers-database", "action-triggers-dispatcher");

        createdId(seedDocument());
        demoSale(2);
        await().atMost(DELIVERED).until(() -> receiver.at(hookPath).size() == 1);
        await().atMost(DELIVERED).until(() -> {
            String metrics = management.get(metricsPath).body();
            return metrics.contains("action_triggers_deliveries")
                    && metrics.lines()
                            .anyMatch(line -> line.startsWith("action_triggers_deliveries")
                                    && line.contains("state=\"succeeded\"")
                                    && !line.endsWith(" 0.0"));
        });
        String metrics = management.get(metricsPath).body();
        assertThat(metrics)
                .contains("action_triggers_outbox_depth", "action_triggers_delivery_latency_seconds")
                .contains("state=\"dead\"", "state=\"retrying\"", "state=\"failed\"");
    }

    @Test
    void wrongPasswordsLockThatUserFromThatAddressWhileTheRealAdminElsewhereStillSignsIn() {
        String attacker = "127.0.0.2";
        for (int i = 1; i <= 5; i++) {
            assertThat(FromAddress.get(base, TRIGGERS, attacker, "it-admin", "guess-" + i)
                            .status())
                    .isEqualTo(401);
        }
        FromAddress.Answer locking = FromAddress.get(base, TRIGGERS, attacker, "it-admin", "guess-6");
        assertThat(locking.status()).as(locking.text()).isEqualTo(429);
        assertThat(locking.headers().get("content-type")).startsWith("application/problem+json");
        assertThat(locking.text()).contains("urn:action-triggers:problem:too-many-sign-ins");
        assertThat(Long.parseLong(locking.headers().get("retry-after"))).isBetween(1L, 10L);

        FromAddress.Answer locked = FromAddress.get(base, TRIGGERS, attacker, "it-admin", "it-admin-password");
        assertThat(locked.status()).as("even the right password waits").isEqualTo(429);
        assertThat(admin.get(TRIGGERS).statusCode())
                .as("the admin at another address")
                .isEqualTo(200);
        assertThat(FromAddress.get(base, TRIGGERS, attacker, "it-viewer", "it-viewer-password")
                        .status())
                .as("another user at the attacker's address")
                .isEqualTo(200);

        ApiClient management = ApiClient.anonymous(managementRoot());
        String metricsPath = System.getProperty("it.metrics.path", "metrics?scope=application");
        await().atMost(DELIVERED).untilAsserted(() -> {
            List<String> signIns = management
                    .get(metricsPath)
                    .body()
                    .lines()
                    .filter(line -> line.startsWith("action_triggers_sign_in_"))
                    .toList();
            assertThat(atLeast(signIns, "action_triggers_sign_in_failures", "via=\"api\"", 6)
                            && atLeast(signIns, "action_triggers_sign_in_refusals", "via=\"api\"", 1)
                            && atLeast(signIns, "action_triggers_sign_in_locks", "", 0))
                    .as("sign-in metrics: %s", signIns)
                    .isTrue();
        });
    }

    @Test
    void oneAddressTryingManyUserNamesIsLockedForEveryUser() {
        String attacker = "127.0.0.3";
        int status = 0;
        for (int i = 1; i <= 21 && status != 429; i++) {
            status = FromAddress.get(base, TRIGGERS, attacker, "user-" + i, "guess")
                    .status();
        }
        assertThat(status).isEqualTo(429);
        assertThat(FromAddress.get(base, TRIGGERS, attacker, "it-admin", "it-admin-password")
                        .status())
                .isEqualTo(429);
        assertThat(admin.get(TRIGGERS).statusCode()).isEqualTo(200);
    }

    @Test
    void everyAnswerOfTheApiCarriesItsSecurityHeadersAndTheApplicationsOwnDoNot() {
        long id = createdId(seedDocument());
        for (HttpResponse<String> response : List.of(
                admin.get(TRIGGERS + "/" + id),
                admin.get(TRIGGERS + "/999999999"),
                anonymous.get(TRIGGERS),
                viewer.delete(TRIGGERS + "/" + id))) {
            String call = response.request().method() + " " + response.uri() + " → " + response.statusCode();
            assertThat(response.headers().firstValue("Content-Security-Policy"))
                    .as(call)
                    .hasValue("default-src 'none'; frame-ancestors 'none'");
            assertThat(response.headers().firstValue("X-Content-Type-Options"))
                    .as(call)
                    .hasValue("nosniff");
            assertThat(response.headers().firstValue("Referrer-Policy"))
                    .as(call)
                    .hasValue("no-referrer");
            assertThat(response.headers().firstValue("X-Frame-Options"))
                    .as(call)
                    .hasValue("DENY");
        }
        HttpResponse<String> own = anonymous.get("api/demo/received");
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.headers().firstValue("Content-Security-Policy")).isEmpty();
        assertThat(own.headers().firstValue("X-Frame-Options")).isEmpty();
    }

    /** Whether a metric line of this name, holding {@code label}, shows at least {@code least}. */
    private static boolean atLeast(List<String> metrics, String name, String label, double least) {
        return metrics.stream()
                .filter(line -> line.startsWith(name) && line.contains(label))
                .anyMatch(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)) >= least);
    }

    /** Where health and metrics answer: the server's root, or WildFly's management interface. */
    private URI managementRoot() {
        String management = System.getProperty("it.management.url", "");
        return management.isEmpty() ? base.resolve("/") : URI.create(management);
    }

    /** One rejected document: what to change in the valid one, and where the problem must be pointed at. */
    private record Rejection(String name, UnaryOperator<String> change, int status, String pointer, String reason) {}

    @Test
    void everyInvalidDocumentIsRefusedWithAProblemNamingTheFieldAndNothingIsStored() {
        List<Rejection> rejections = List.of(
                new Rejection(
                        "content type not whitelisted",
                        d -> d.replace("\"Sale\"", "\"Product\""),
                        422,
                        "/content_types/0/model",
                        "not in action-triggers.whitelisted-content-types"),
                new Rejection(
                        "content type unknown",
                        d -> d.replace("\"model\": \"Sale\"", "\"model_name\": \"Invoice\""),
                        422,
                        "/content_types/0/model_name",
                        "not an entity"),
                new Rejection(
                        "no content types",
                        d -> d.replaceFirst("\"content_types\": \\[.*?],", "\"content_types\": [],"),
                        422,
                        "/content_types",
                        "at least one"),
                new Rejection(
                        "url not whitelisted",
                        d -> d.replace(hook, "https://evil.example/hook"),
                        422,
                        "/webhooks/0/url",
                        "matches none of"),
                new Rejection(
                        "url not http",
                        d -> d.replace(hook, "ftp://127.0.0.1/hooks/x"),
                        422,
                        "/webhooks/0/url",
                        "http or https"),
                new Rejection(
                        "template that is not a plain reference",
                        d -> d.replace("{{ product.name }}", "[[${1+}]]"),
                        422,
                        "/payload/product_name",
                        "at character 0 is not allowed"),
                new Rejection(
                        "dynamic path not allowed",
                        d -> d.replace(
                                "org.actiontriggers.it.TestSecrets.token",
                                "org.actiontriggers.it.TestSecrets.notAllowed"),
                        422,
                        "/webhooks/0/headers/Authorization",
                        "not in action-triggers.allowed-dynamic-import-paths"),
                new Rejection(
                        "timeout zero",
                        d -> d.replace("\"timeout_secs\": 5", "\"timeout_secs\": 0"),
                        422,
                        "/webhooks/0/timeout_secs",
                        "greater than 0"),
                new Rejection(
                        "timeout negative",
                        d -> d.replace("\"timeout_secs\": 5", "\"timeout_secs\": -3"),
                        422,
                        "/webhooks/0/timeout_secs",
                        "greater than 0"),
                new Rejection(
                        "timeout above max",
                        d -> d.replace("\"timeout_secs\": 5", "\"timeout_secs\": 11"),
                        422,
                        "/webhooks/0/timeout_secs",
                        "at most 10 seconds"),
                new Rejection(
                        "unknown signal",
                        d -> d.replace("post_save", "on_save"),
                        422,
                        "/config_signals/0/signal",
                        "unknown signal"),
                new Rejection(
                        "no signals",
                        d -> d.replace("[{\"signal\": \"post_save\"}]", "[]"),
                        422,
                        "/config_signals",
                        "at least one signal"),
                new Rejection(
                        "unknown method",
                        d -> d.replace("\"POST\"", "\"FETCH\""),
                        422,
                        "/webhooks/0/http_method",
                        "unknown HTTP method"),
                new Rejection(
                        "too many webhooks",
                        d -> d.replace(
                                        "\"message_broker_queues\"",
                                        "\"webhooks\": [" + ("{\"url\": \"" + hook + "\"},").repeat(5) + "{\"url\": \""
                                                + hook + "\"}], \"message_broker_queues\"")
                                .replaceFirst(
                                        "(?s)\"webhooks\": \\[\\{\\s*\"url\".*?}],\\s*\"webhooks\"", "\"webhooks\""),
                        422,
                        "/webhooks",
                        "at most 5"),
                new Rejection(
                        "unknown broker name",
                        d -> d.replace(
                                "\"message_broker_queues\": []",
                                "\"message_broker_queues\": [{\"name\": \"my-broker\", \"conn_details\": {}, \"parameters\": {}}]"),
                        422,
                        "/message_broker_queues/0/name",
                        "'my-broker' is not a broker defined in action-triggers.brokers; defined: it-rabbit, it-redis"),
                new Rejection(
                        "parameter of another broker type",
                        d -> d.replace(
                                "\"message_broker_queues\": []",
                                "\"message_broker_queues\": [{\"name\": \"it-rabbit\", \"parameters\": {\"topic\": \"sales\"}}]"),
                        422,
                        "/message_broker_queues/0/parameters/topic",
                        "is not a key of this broker type"),
                new Rejection(
                        "broker queue without its required parameter",
                        d -> d.replace(
                                "\"message_broker_queues\": []",
                                "\"message_broker_queues\": [{\"name\": \"it-rabbit\", \"parameters\": {}}]"),
                        422,
                        "/message_broker_queues/0/parameters",
                        "one of exchange, queue is required"),
                new Rejection(
                        "broker dynamic path not allowed",
                        d -> d.replace(
                                "\"message_broker_queues\": []",
                                "\"message_broker_queues\": [{\"name\": \"it-rabbit\", \"conn_details\":"
                                        + " {\"password\": \"{{ os.environ.get }}\"}, \"parameters\": {\"queue\": \"q\"}}]"),
                        422,
                        "/message_broker_queues/0/conn_details/password",
                        "'os.environ.get' is not in action-triggers.allowed-dynamic-import-paths"),
                new Rejection(
                        "broker timeout above the max",
                        d -> d.replace(
                                "\"message_broker_queues\": []",
                                "\"message_broker_queues\": [{\"name\": \"it-redis\", \"timeout_secs\": 6}]"),
                        422,
                        "/message_broker_queues/0/timeout_secs",
                        "max broker timeout"),
                new Rejection(
                        "broker queue field of wrong type",
                        d -> d.replace(
                                "\"message_broker_queues\": []",
                                "\"message_broker_queues\": [{\"name\": \"it-redis\", \"parameters\": [\"stream\"]}]"),
                        422,
                        "/message_broker_queues/0/parameters",
                        "must be an object"),
                new Rejection(
                        "actions",
                        d -> d.replace("\"actions\": []", "\"actions\": [{\"name\": \"lambda\"}]"),
                        422,
                        "/actions",
                        "not supported"),
                new Rejection(
                        "unknown field",
                        d -> d.replace("\"active\": true", "\"active\": true, \"colour\": \"red\""),
                        422,
                        "/colour",
                        "not a known field"),
                new Rejection(
                        "unknown webhook field",
                        d -> d.replace("\"timeout_secs\": 5", "\"timeout_secs\": 5, \"retries\": 3"),
                        422,
                        "/webhooks/0/retries",
                        "not a known field"),
                new Rejection(
                        "active of wrong type",
                        d -> d.replace("\"active\": true", "\"active\": \"true\""),
                        422,
                        "/active",
                        "true or false"),
                new Rejection(
                        "timeout of wrong type",
                        d -> d.replace("\"timeout_secs\": 5", "\"timeout_secs\": \"5\""),
                        422,
                        "/webhooks/0/timeout_secs",
                        "number"),
                new Rejection(
                        "header of wrong type",
                        d -> d.replace("\"headers\": {", "\"headers\": {\"X-Count\": 3,"),
                        422,
                        "/webhooks/0/headers/X-Count",
                        "string"),
                new Rejection(
                        "signals not a list",
                        d -> d.replace("[{\"signal\": \"post_save\"}]", "\"post_save\""),
                        422,
                        "/config_signals",
                        "must be a list"),
                new Rejection(
                        "payload a number",
                        d -> d.replaceFirst("(?s)\"payload\": \\{.*?},", "\"payload\": 42,"),
                        422,
                        "/payload",
                        "JSON object"),
                new Rejection("document an array", d -> "[" + d + "]", 422, "", "JSON object"));

        long before = configCount();
        SoftAssertions softly = new SoftAssertions();
        for (Rejection rejection : rejections) {
            String document = rejection.change().apply(seedDocument());
            softly.assertThat(document)
                    .as(rejection.name() + ": the change applies")
                    .isNotEqualTo(seedDocument());
            HttpResponse<String> response = admin.post(TRIGGERS, document);
            softly.assertThat(response.statusCode())
                    .as(rejection.name() + ": " + response.body())
                    .isEqualTo(rejection.status());
            softly.assertThat(response.headers().firstValue("Content-Type"))
                    .as(rejection.name())
                    .hasValue("application/problem+json");
            if (response.statusCode() == rejection.status()) {
                JsonObject problem = json(response);
                softly.assertThat(problem.getString("type"))
                        .as(rejection.name())
                        .isEqualTo("urn:action-triggers:problem:invalid-config");
                softly.assertThat(problem.getInt("status")).as(rejection.name()).isEqualTo(rejection.status());
                softly.assertThat(problem.getJsonArray("errors"))
                        .as(rejection.name() + ": " + response.body())
                        .anySatisfy(error -> {
                            assertThat(error.asJsonObject().getString("pointer"))
                                    .isEqualTo(rejection.pointer());
                            assertThat(error.asJsonObject().getString("detail")).contains(rejection.reason());
                        });
            }
        }
        softly.assertThat(configCount()).as("nothing stored").isEqualTo(before);
        softly.assertAll();
    }

    /**
     * Every malformed condition of the corpus ({@code conditions/malformed.json}, which {@code
     * ConditionCorpusTest} runs through the parser) is a 422 naming its pointer, and nothing is stored.
     */
    @Test
    void everyMalformedConditionOfTheCorpusIsRefusedAtItsPointerAndNothingIsStored() throws java.io.IOException {
        JsonArray corpus;
        try (var in = AdminApiIT.class.getResourceAsStream("/conditions/malformed.json");
                var reader = Json.createReader(in)) {
            corpus = reader.readArray();
        }
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(30);
        long before = configCount();
        SoftAssertions softly = new SoftAssertions();
        for (JsonValue item : corpus) {
            JsonObject c = item.asJsonObject();
            String name = c.getString("name");
            String document = seedDocument()
                    .replace("\"active\": true,", "\"active\": true, \"condition\": " + c.get("condition") + ",");
            HttpResponse<String> response = admin.post(TRIGGERS, document);
            softly.assertThat(response.statusCode())
                    .as(name + ": " + response.body())
                    .isEqualTo(422);
            if (response.statusCode() == 422) {
                softly.assertThat(json(response).getJsonArray("errors"))
                        .as(name + ": " + response.body())
                        .anySatisfy(error -> {
                            assertThat(error.asJsonObject().getString("pointer"))
                                    .isEqualTo(c.getString("pointer"));
                            assertThat(error.asJsonObject().getString("detail")).contains(c.getString("reason"));
                        });
            }
        }
        softly.assertThat(configCount()).as("nothing stored").isEqualTo(before);
        softly.assertAll();
    }

    /**
     * A condition is stored and read back in the document (absent when none, as in DAT), previewed with the part
     * that fails, and only a save it holds for is delivered; a PUT without it fires on every save again.
     */
    @Test
    void aConditionIsStoredPreviewedAndOnlyMatchingSavesAreDelivered() {
        String condition = "{\"all\": [{\"field\": \"quantity\", \"gt\": 5},"
                + " {\"field\": \"customer.name\", \"in\": [\"Ann O'Brien\", \"Bob\"]}]}";
        String document =
                seedDocument().replace("\"active\": true,", "\"active\": true, \"condition\": " + condition + ",");
        HttpResponse<String> created = admin.post(TRIGGERS, document);
        long id = createdId(created);
        JsonObject expected;
        try (var reader = Json.createReader(new java.io.StringReader(condition))) {
            expected = reader.readObject();
        }
        assertThat(json(created).getJsonObject("condition")).isEqualTo(expected);
        assertThat(json(admin.get(TRIGGERS + "/" + id)).getJsonObject("condition"))
                .isEqualTo(expected);

        long small = demoSale(3);
        long large = demoSale(7);

        await().atMost(DELIVERED).until(() -> receiver.at(hookPath).size() == 1);
        assertThat(json(receiver.at(hookPath).get(0).body()).getInt("quantity")).isEqualTo(7);
        assertThat(json(admin.get(DELIVERIES + "?entity_type=Sale&entity_id=" + small))
                        .getInt("count"))
                .isZero();
        assertThat(json(admin.get(DELIVERIES + "?entity_type=Sale&entity_id=" + large))
                        .getInt("count"))
                .isEqualTo(1);

        JsonObject notFiring = json(admin.post(
                TRIGGERS + "/" + id + "/preview", "{\"entity_type\": \"Sale\", \"entity_id\": " + small + "}"));
        assertThat(notFiring.getBoolean("fires")).isFalse();
        assertThat(notFiring.getJsonObject("condition_failed").getString("pointer"))
                .isEqualTo("/condition/all/0");
        assertThat(notFiring.getJsonObject("condition_failed").getString("detail"))
                .isEqualTo("quantity is 3, not > 5");
        assertThat(json(admin.post(
                                TRIGGERS + "/" + id + "/preview",
                                "{\"entity_type\": \"Sale\", \"entity_id\": " + large + "}"))
                        .getBoolean("fires"))
                .isTrue();

        HttpResponse<String> replaced = admin.put(TRIGGERS + "/" + id, seedDocument());
        assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(200);
        assertThat(json(replaced).containsKey("condition")).isFalse();
        demoSale(2);
        await().atMost(DELIVERED).until(() -> receiver.at(hookPath).size() == 2);
    }

    /**
     * The preview judges a transition when told what the entity changed from: DAT #149's condition fires for a
     * completed sale given {@code "previous": {"status": "in_progress"}}, not without it or from another status;
     * previous values the entity cannot have are refused at their pointers.
     */
    @Test
    void thePreviewJudgesATransitionFromThePreviousValuesItIsGiven() {
        String document = seedDocument()
                .replace(
                        "\"active\": true,",
                        "\"active\": false, \"condition\": {\"field\": \"status\", \"changed_from\":"
                                + " \"in_progress\", \"to\": \"completed\"},");
        long id = createdId(admin.post(TRIGGERS, document));
        long sale = demoSale(3);
        HttpResponse<String> completed = anonymous.put("api/demo/sales/" + sale, "{\"status\": \"completed\"}");
        assertThat(completed.statusCode()).as(completed.body()).isEqualTo(200);
        String preview = TRIGGERS + "/" + id + "/preview";
        String entity = "\"entity_type\": \"Sale\", \"entity_id\": " + sale;

        JsonObject withoutPrevious = json(admin.post(preview, "{" + entity + "}"));
        assertThat(withoutPrevious.getBoolean("fires")).isFalse();
        assertThat(withoutPrevious.getJsonObject("condition_failed").getString("pointer"))
                .isEqualTo("/condition");

        JsonObject fromInProgress =
                json(admin.post(preview, "{" + entity + ", \"previous\": {\"status\": \"in_progress\"}}"));
        assertThat(fromInProgress.getBoolean("fires"))
                .as(fromInProgress.toString())
                .isTrue();

        JsonObject fromNew = json(admin.post(preview, "{" + entity + ", \"previous\": {\"status\": \"new\"}}"));
        assertThat(fromNew.getBoolean("fires")).isFalse();
        assertThat(fromNew.getJsonObject("condition_failed").getString("detail"))
                .contains("new");

        assertProblem(admin.post(preview, "{" + entity + ", \"previous\": {\"nope\": 1}}"), 422, "/previous/nope");
        assertProblem(admin.post(preview, "{" + entity + ", \"previous\": [1]}"), 422, "/previous");
        assertProblem(
                admin.post(preview, "{" + entity + ", \"previous\": {\"status\": [\"x\"]}}"), 422, "/previous/status");
    }

    /**
     * A header the sender would drop is refused when written, at its own pointer, instead of being stored and
     * silently not sent; so is a second spelling of one header name.
     */
    @Test
    void aHeaderTheSenderWouldNotSendAsWrittenIsRefusedAtItsPointer() {
        long before = configCount();
        for (String name : List.of("Proxy-Authorization", "TE", "Keep-Alive")) {
            String document = seedDocument().replace("\"headers\": {", "\"headers\": {\"" + name + "\": \"x\", ");

            HttpResponse<String> response = admin.post(TRIGGERS, document);

            assertProblem(response, 422, "/webhooks/0/headers/" + name);
            assertThat(response.body()).as(name).contains("cannot be configured");
        }
        String twice = seedDocument().replace("\"headers\": {", "\"headers\": {\"authorization\": \"Bearer x\", ");

        HttpResponse<String> response = admin.post(TRIGGERS, twice);

        assertProblem(response, 422, "/webhooks/0/headers/Authorization");
        assertThat(response.body()).contains("is the same header as 'authorization' (header names ignore case)");
        assertThat(configCount()).as("nothing stored").isEqualTo(before);
    }

    @Test
    void malformedJsonIsA400SayingWhere() {
        HttpResponse<String> response = admin.post(TRIGGERS, "{\"active\": true,\n \"payload\": }");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonObject problem = json(response);
        assertThat(problem.getString("type")).isEqualTo("urn:action-triggers:problem:malformed-json");
        assertThat(problem.getString("detail")).contains("line 2");
        assertThat(admin.post(TRIGGERS, "").statusCode()).isEqualTo(400);
        assertThat(admin.post(TRIGGERS, "{} {}").statusCode()).isEqualTo(400);
        assertThat(configCount()).isZero();
    }

    @Test
    void aBodyOverTheSizeLimitIsRefusedUnread() {
        String huge = seedDocument()
                .replace("\"{{ quantity }}\"", "\"{{ quantity }}\", \"pad\": \"" + "x".repeat(70_000) + "\"");

        HttpResponse<String> response = admin.post(TRIGGERS, huge);

        assertThat(response.statusCode()).isEqualTo(413);
        JsonObject problem = json(response);
        assertThat(problem.getString("type")).isEqualTo("urn:action-triggers:problem:request-too-large");
        assertThat(problem.getString("detail")).contains("65536").contains("action-triggers.api.max-request-size");
        assertThat(configCount()).isZero();
    }

    @Test
    void aBodyThatIsNotJsonIsA415Problem() {
        HttpResponse<String> response =
                admin.send("POST", TRIGGERS, "active=true", "application/x-www-form-urlencoded");

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(configCount()).isZero();
    }

    @Test
    void djangoActionTriggersOwnApiExamplesOneAndThreeAreAccepted() {
        // Example 1 of DAT's API documentation, its model "Customer" being ours as well
        String example1 = """
                {
                  "config_signals": [
                    {"signal": "post_save"},
                    {"signal": "post_delete"}
                  ],
                  "content_types": [
                    {
                      "app_label": "myapp",
                      "model_name": "Customer"
                    }
                  ],
                  "webhooks": [
                    {
                      "url": "https://my-webhook.com",
                      "http_method": "POST",
                      "headers": {
                        "Authorization": "Bearer {{ myapp.utils.get_token }}"
                      }
                    }
                  ],
                  "active": true
                }
                """;
        // Example 3, with the comma its documentation lacks after "content_types" (which no JSON parser accepts)
        String example3 = """
                {
                  "config_signals": [
                    {"signal": "post_save"}
                  ],
                  "content_types": [
                    {
                      "app_label": "myapp",
                      "model_name": "Sale"
                    }
                  ],
                  "webhooks": [
                    {
                      "url": "https://my-webhook.com",
                      "http_method": "POST",
                      "headers": {
                        "Authorization": "Bearer {{ myapp.utils.get_token }}"
                      }
                    }
                  ],
                  "active": true,
                  "payload": {
                    "action": "new_sale",
                    "customer_name": "{{ instance.customer.name }}",
                    "product_name": "{{ instance.product.name }}"
                  }
                }
                """;

        HttpResponse<String> one = admin.post(TRIGGERS, example1);
        HttpResponse<String> three = admin.post(TRIGGERS, example3);

        assertThat(one.statusCode()).as(one.body()).isEqualTo(201);
        assertThat(three.statusCode()).as(three.body()).isEqualTo(201);
        JsonObject first = json(one);
        assertThat(first.getJsonArray("config_signals"))
                .extracting(v -> v.asJsonObject().getString("signal"))
                .containsExactly("post_save", "post_delete");
        assertThat(first.getJsonArray("content_types").getJsonObject(0).getString("model"))
                .isEqualTo("Customer");
        assertThat(first.get("payload")).isEqualTo(JsonValue.NULL);
        assertThat(json(three).getJsonObject("payload").getString("customer_name"))
                .isEqualTo("{{ instance.customer.name }}");
        // they point at a host that does not exist: switch them off before any save could trigger them
        assertThat(admin.patch(TRIGGERS + "/" + first.getJsonNumber("id"), "{\"active\": false}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(admin.patch(TRIGGERS + "/" + json(three).getJsonNumber("id"), "{\"active\": false}")
                        .statusCode())
                .isEqualTo(200);
    }

    private long createdId(String document) {
        return createdId(admin.post(TRIGGERS, document));
    }

    @Test
    void aWebhooksLimitsAreExtensionFieldsOfItsDocumentCheckedAtTheirPointers() {
        String limited = seedDocument()
                .replace("\"timeout_secs\": 5", "\"timeout_secs\": 5, \"rate_limit\": 2.5, \"max_in_flight\": 4");
        HttpResponse<String> created = admin.post(TRIGGERS, limited);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonObject webhook = json(created).getJsonArray("webhooks").getJsonObject(0);
        assertThat(webhook.getJsonNumber("rate_limit").doubleValue()).isEqualTo(2.5);
        assertThat(webhook.getInt("max_in_flight")).isEqualTo(4);
        assertThat(json(admin.post(TRIGGERS, seedDocument()))
                        .getJsonArray("webhooks")
                        .getJsonObject(0))
                .as("a webhook without limits reads as in DAT")
                .doesNotContainKeys("rate_limit", "max_in_flight");

        assertProblem(
                admin.post(
                        TRIGGERS,
                        seedDocument().replace("\"timeout_secs\": 5", "\"timeout_secs\": 5, \"rate_limit\": 0")),
                422,
                "/webhooks/0/rate_limit");
        assertProblem(
                admin.post(
                        TRIGGERS,
                        seedDocument().replace("\"timeout_secs\": 5", "\"timeout_secs\": 5, \"rate_limit\": \"fast\"")),
                422,
                "/webhooks/0/rate_limit");
        assertProblem(
                admin.post(
                        TRIGGERS,
                        seedDocument().replace("\"timeout_secs\": 5", "\"timeout_secs\": 5, \"max_in_flight\": 0")),
                422,
                "/webhooks/0/max_in_flight");
        assertProblem(
                admin.post(
                        TRIGGERS,
                        seedDocument().replace("\"timeout_secs\": 5", "\"timeout_secs\": 5, \"max_in_flight\": 1.5")),
                422,
                "/webhooks/0/max_in_flight");
    }

    @Test
    void destinationsAreReadByViewersAndDisabledReEnabledOrDrainedByAdminsOnly() {
        HttpResponse<String> created = admin.post(TRIGGERS, seedDocument());
        long webhookId = json(created)
                .getJsonArray("webhooks")
                .getJsonObject(0)
                .getJsonNumber("id")
                .longValue();
        String destination = TRIGGERS + "/destinations/webhook/" + webhookId;

        HttpResponse<String> list = viewer.get(TRIGGERS + "/destinations");
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        assertThat(json(list).getJsonArray("results").stream()
                        .map(v -> v.asJsonObject().getString("destination")))
                .contains("webhook:" + webhookId, "broker:it-rabbit", "broker:it-redis");
        JsonObject healthy = json(viewer.get(destination));
        assertThat(healthy.getString("state")).isEqualTo("closed");
        assertThat(healthy.getBoolean("healthy")).isTrue();
        assertThat(healthy.getString("address")).isEqualTo(hook);

        assertThat(viewer.post(destination + "/disable", "{\"reason\": \"forged\"}")
                        .statusCode())
                .isEqualTo(403);
        assertThat(viewer.post(destination + "/enable", "").statusCode()).isEqualTo(403);
        assertThat(viewer.post(destination + "/drop-waiting", "").statusCode()).isEqualTo(403);
        assertThat(anonymous.get(destination).statusCode()).isEqualTo(401);
        assertThat(json(viewer.get(destination)).getString("state")).isEqualTo("closed");

        HttpResponse<String> disabled =
                admin.post(destination + "/disable", "{\"reason\": \"customer asked for a pause\"}");
        assertThat(disabled.statusCode()).as(disabled.body()).isEqualTo(200);
        assertThat(json(disabled).getString("state")).isEqualTo("disabled");
        assertThat(json(disabled).getString("disabled_reason")).startsWith("customer asked for a pause");

        long sale = demoSale(3);
        HttpResponse<String> dropped = admin.post(destination + "/drop-waiting", "");
        assertThat(dropped.statusCode()).as(dropped.body()).isEqualTo(200);
        assertThat(json(dropped).getInt("dropped")).isEqualTo(1);
        assertThat(receiver.at(hookPath))
                .as("nothing went to the disabled webhook")
                .isEmpty();
        assertThat(json(admin.get(DELIVERIES + "?entity_type=Sale&entity_id=" + sale))
                        .getJsonArray("results"))
                .singleElement()
                .satisfies(d -> assertThat(d.asJsonObject().getString("state")).isEqualTo("failed"));

        HttpResponse<String> enabled = admin.post(destination + "/enable", "");
        assertThat(enabled.statusCode()).as(enabled.body()).isEqualTo(200);
        assertThat(json(enabled).getString("state")).isEqualTo("closed");

        assertThat(admin.get(TRIGGERS + "/destinations/webhook/999999").statusCode())
                .isEqualTo(404);
        assertThat(admin.get(TRIGGERS + "/destinations/queue/x").statusCode()).isEqualTo(404);
        assertProblem(admin.post(destination + "/disable", "{\"why\": 1}"), 422, "/reason");
    }

    private static List<Long> ids(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return ids(json(response));
    }

    private static List<Long> ids(JsonObject page) {
        return page.getJsonArray("results").stream()
                .map(v -> v.asJsonObject().getJsonNumber("id").longValue())
                .toList();
    }

    private static void assertProblemType(HttpResponse<String> response, int status, String type) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(response).getString("type")).isEqualTo(type);
    }

    private static void assertProblem(HttpResponse<String> response, int status, String pointer) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(response).getJsonArray("errors"))
                .anySatisfy(error ->
                        assertThat(error.asJsonObject().getString("pointer")).isEqualTo(pointer));
    }

    private static void assertParameterProblem(HttpResponse<String> response, String parameter) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonObject problem = json(response);
        assertThat(problem.getString("type")).isEqualTo("urn:action-triggers:problem:invalid-parameter");
        assertThat(problem.getJsonArray("errors").getJsonObject(0).getString("parameter"))
                .isEqualTo(parameter);
    }
}
