package org.actiontriggers.it;

import static org.actiontriggers.it.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The console in a real headless Chromium, as an operator uses it: sign in, create the seed scenario's
 * trigger through the form, watch its delivery arrive, make the receiver fail and send failures again (one,
 * and all of a webhook since a time), preview a payload with its credentials masked,
 * get a refusal next to the field with nothing saved, add a message broker queue, and a viewer who can read but
 * not change.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConsoleIT extends ApiFixture {

    private static final Path README_SHOTS = Path.of("target", "screenshots", "readme");

    /** The notices above every console page's content: what a save, a switch or a send answers. */
    private static final By MESSAGES = By.id("messages");

    /** The signed-in user's name in every console page's header. */
    private static final By SIGNED_IN = By.id("user");

    @RegisterExtension
    final Browser browser = new Browser();

    /**
     * The delivery policy shortened so that the health page shows a breaker opening and an auto-disable within
     * seconds: open after 2 failed rounds, probe after 1 s (at most every 2 s), disable after 8 s of failing; and
     * enough retry rounds that a delivery is still waiting when that happens. The other tests fail a webhook at
     * most once in a row, with a 400 that is not retried.
     */
    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application("""
                action-triggers.breaker.failure-threshold=2
                action-triggers.breaker.probe-interval=1s
                action-triggers.breaker.max-probe-interval=2s
                action-triggers.disable-after=8s
                action-triggers.retry-schedule=0s,1s,1s,1s,1s,1s,1s,1s,1s,1s
                """);
    }

    private WebDriver driver;

    @BeforeEach
    void openBrowser() {
        driver = browser.driver();
    }

    @Test
    void anAdminCreatesTheSeedTriggerSeesItsDeliveryAndSendsAFailureAgain() {
        signIn("it-admin", "it-admin-password");

        browser.clickAndWait(By.id("new-trigger"), By.id("form:save"));
        fillTrigger(hook, "5");
        type(By.id("form:webhooks:0:headers:0:name"), "Authorization");
        type(By.id("form:webhooks:0:headers:0:value"), "Bearer {{ org.actiontriggers.it.TestSecrets.token }}");
        browser.clickAndWait(By.id("form:save"), MESSAGES);

        String notice = driver.findElement(By.id("messages")).getText();
        Matcher created = Pattern.compile("Trigger (\\d+) was created").matcher(notice);
        assertThat(created.find()).as(notice).isTrue();
        long configId = Long.parseLong(created.group(1));
        WebElement row = driver.findElement(By.xpath("//table[@id='triggers:list']/tbody/tr[1]"));
        assertThat(row.getText()).contains("Sale", "post_save", hook);
        assertThat(row.findElement(By.className("webhook-count")).getText()).isEqualTo("1");

        long sale = demoSale(3);
        driver.get(base + CONSOLE + "deliveries.xhtml?entity_type=Sale&entity_id=" + sale);
        awaitState("succeeded");
        assertThat(driver.findElement(By.id("log")).getText()).contains("Sale " + sale, "200");

        browser.clickAndWait(By.className("delivery-link"), By.id("delivery-state"));
        assertThat(texts(By.className("attempt-status"))).containsExactly("200");
        assertThat(driver.findElement(By.id("body")).getText())
                .contains("\"customer_name\":\"Ann O'Brien\"", "\"product_name\":\"Widget\"", "\"quantity\":3");
        TestReceiver.Received received = receiver.at(hookPath).get(0);
        // compared without printing: a failure message must not carry the token into the test logs
        assertThat(("Bearer " + TestSecrets.token()).equals(received.headers().get("authorization")))
                .as("the Authorization header carries the token its reference resolved to")
                .isTrue();

        driver.get(base + CONSOLE);
        assertThat(driver.findElement(By.className("last-state")).getText()).isEqualTo("succeeded");
        browser.save(README_SHOTS.resolve("triggers.png"));

        receiver.respond(hookPath, 400);
        anonymous.put("api/demo/sales/" + sale, "{\"quantity\":5}");
        driver.get(base + CONSOLE + "deliveries.xhtml?state=failed&config=" + configId);
        awaitState("failed");
        browser.clickAndWait(By.className("delivery-link"), By.id("delivery-state"));
        assertThat(texts(By.className("attempt-status"))).containsExactly("400");

        receiver.respond(hookPath, 200);
        browser.clickAndWait(By.id("actions:redeliver"), MESSAGES);
        assertThat(driver.findElement(By.id("messages")).getText()).contains("will be sent again");
        await().atMost(DELIVERED).until(() -> {
            driver.navigate().refresh();
            return driver.findElement(By.id("delivery-state")).getText().equals("succeeded");
        });
        assertThat(texts(By.className("attempt-status"))).containsExactly("400", "200");
        assertThat(receiver.at(hookPath)).hasSize(3);

        receiver.respond(hookPath, 400);
        anonymous.put("api/demo/sales/" + sale, "{\"quantity\":7}");
        driver.get(base + CONSOLE + "deliveries.xhtml?config=" + configId);
        awaitState("failed");
        receiver.respond(hookPath, 200);
        long webhookId = json(admin.get(TRIGGERS + "/" + configId))
                .getJsonArray("webhooks")
                .getJsonObject(0)
                .getJsonNumber("id")
                .longValue();
        type(By.id("recover:webhook"), Long.toString(webhookId));
        type(By.id("recover:since"), "2020-01-01 00:00");
        browser.clickAndWait(By.id("recover:go"), MESSAGES);
        assertThat(driver.findElement(By.id("messages")).getText())
                .contains("1 failed delivery of webhook " + webhookId);
        driver.get(base + CONSOLE + "deliveries.xhtml?config=" + configId);
        awaitState("succeeded");
        assertThat(texts(By.className("delivery-state"))).containsExactly("succeeded", "succeeded", "succeeded");
        assertThat(receiver.at(hookPath)).hasSize(5);
        browser.save(README_SHOTS.resolve("deliveries.png"));
    }

    @Test
    void aNonWhitelistedUrlIsShownNextToItsFieldAndNothingIsSaved() {
        signIn("it-admin", "it-admin-password");
        driver.get(base + CONSOLE + "edit/trigger.xhtml");

        fillTrigger("https://elsewhere.example/hook", "soon");
        type(By.id("form:condition"), "{\"all\": [{\"field\": \"quantity\", \"gt\": \"lots\"}]}");
        browser.clickAndWait(By.id("form:save"), MESSAGES);

        assertThat(fieldError("form:webhooks:0:url"))
                .startsWith("Webhook 1: URL matches none of")
                .contains("whitelisted-webhook-endpoint-patterns");
        assertThat(fieldError("form:webhooks:0:timeout"))
                .isEqualTo("Webhook 1: timeout must be a number of seconds, e.g. 10 or 2.5");
        assertThat(fieldError("form:condition"))
                .isEqualTo("Condition at /all/0/gt: must be a number (gt compares numbers)");
        assertThat(driver.findElement(By.id("messages")).getText()).contains("Nothing was saved");
        assertThat(driver.findElement(By.id("form:webhooks:0:url")).getAttribute("value"))
                .isEqualTo("https://elsewhere.example/hook");
        assertThat(configCount()).isZero();
        browser.save(README_SHOTS.resolve("trigger-form-errors.png"));

        type(By.id("form:webhooks:0:url"), hook);
        type(By.id("form:webhooks:0:timeout"), "2.5");
        type(By.id("form:condition"), "{\"field\": \"quantity\", \"gt\": 0}");
        browser.clickAndWait(By.id("form:save"), MESSAGES);

        assertThat(driver.findElement(By.id("messages")).getText()).contains("was created");
        assertThat(configCount()).isEqualTo(1);
    }

    @Test
    void aSavedSecretIsShownMaskedPreviewedMaskedAndKeptWhenTheFormIsSavedAgain() {
        String secret = "Bearer " + "k" + Long.toString(System.nanoTime(), 36) + "Zq7Lw9";
        signIn("it-admin", "it-admin-password");
        driver.get(base + CONSOLE + "edit/trigger.xhtml");
        fillTrigger(hook, "");
        type(By.id("form:webhooks:0:headers:0:name"), "Authorization");
        type(By.id("form:webhooks:0:headers:0:value"), secret);
        browser.clickAndWait(By.id("form:save"), MESSAGES);
        assertThat(driver.findElement(By.id("messages")).getText()).contains("was created");
        long sale = demoSale(4);
        await().atMost(DELIVERED).until(() -> receiver.at(hookPath).size() == 1);

        browser.clickAndWait(By.id("triggers:list:0:edit"), By.id("form:save"));
        String shown =
                driver.findElement(By.id("form:webhooks:0:headers:0:value")).getAttribute("value");
        assertThat(shown).isEqualTo("Bearer ****");
        type(By.id("form:condition"), "{\"field\": \"quantity\", \"gt\": 5}");
        new Select(driver.findElement(By.id("form:previewType"))).selectByValue("Sale");
        type(By.id("form:previewId"), Long.toString(sale));
        driver.findElement(By.id("form:preview")).click();
        WebElement preview = browser.awaitShown(By.id("preview-body"));
        assertThat(preview.getText()).contains("\"customer_name\":\"Ann O'Brien\"", "\"quantity\":4");
        assertThat(driver.findElement(By.id("preview-fires")).getText())
                .isEqualTo("The trigger would not fire for this entity: /condition: quantity is 4, not > 5");
        assertThat(driver.findElement(By.id("form:previewResult")).getText())
                .contains("POST " + hook, "Authorization: Bearer ****");
        assertThat(driver.getPageSource()).doesNotContain(secret.substring(7));

        type(By.id("form:webhooks:0:timeout"), "7");
        browser.clickAndWait(By.id("form:save"), MESSAGES);
        assertThat(driver.findElement(By.id("messages")).getText()).contains("was saved");
        assertThat(json(admin.get(TRIGGERS + "?page_size=1"))
                        .getJsonArray("results")
                        .getJsonObject(0)
                        .getJsonArray("webhooks")
                        .getJsonObject(0)
                        .getJsonNumber("timeout_secs")
                        .doubleValue())
                .isEqualTo(7.0);

        anonymous.put("api/demo/sales/" + sale, "{\"quantity\":6}");
        await().atMost(DELIVERED).until(() -> receiver.at(hookPath).size() == 2);
        assertThat(receiver.at(hookPath).get(1).headers().get("authorization")).isEqualTo(secret);
    }

    @Test
    void theEditFormRefusesToSaveOverANewerVersionSaysSoAndKeepsTheInput() {
        long id = createdId(admin.post(TRIGGERS, seedDocument()));
        signIn("it-admin", "it-admin-password");
        driver.get(base + CONSOLE + "edit/trigger.xhtml?id=" + id);
        type(By.id("form:webhooks:0:timeout"), "9");

        // meanwhile another admin switches the trigger off through the API
        assertThat(admin.patch(TRIGGERS + "/" + id, "{\"active\": false}").statusCode())
                .isEqualTo(200);
        browser.clickAndWait(By.id("form:save"), MESSAGES);

        assertThat(driver.findElement(MESSAGES).getText())
                .contains("was changed by someone else since you opened it", "nothing was saved");
        assertThat(driver.findElement(By.id("form:webhooks:0:timeout")).getAttribute("value"))
                .as("the user's input is kept")
                .isEqualTo("9");
        JsonObject stored = json(admin.get(TRIGGERS + "/" + id));
        assertThat(stored.getBoolean("active"))
                .as("the other admin's change is not undone")
                .isFalse();
        assertThat(stored.getJsonArray("webhooks").getJsonObject(0).isNull("timeout_secs"))
                .isTrue();

        // opened again, the form shows the newer version and saves
        driver.get(base + CONSOLE + "edit/trigger.xhtml?id=" + id);
        type(By.id("form:webhooks:0:timeout"), "9");
        browser.clickAndWait(By.id("form:save"), MESSAGES);
        assertThat(driver.findElement(MESSAGES).getText()).contains("Trigger " + id + " was saved");
        stored = json(admin.get(TRIGGERS + "/" + id));
        assertThat(stored.getJsonArray("webhooks")
                        .getJsonObject(0)
                        .getJsonNumber("timeout_secs")
                        .doubleValue())
                .isEqualTo(9.0);
    }

    @Test
    void anAdminAddsABrokerQueueSeesItListedAndAParameterItsBrokerRefusesNextToItsField() {
        String queueName = "console-it-" + Long.toString(System.nanoTime(), 36);
        signIn("it-admin", "it-admin-password");
        driver.get(base + CONSOLE + "edit/trigger.xhtml");
        fillTrigger(hook, "");
        browser.clickAndWait(By.id("form:addQueue"), By.id("form:queues:0:name"));
        new Select(driver.findElement(By.id("form:queues:0:name"))).selectByValue("it-rabbit");
        assertThat(new Select(driver.findElement(By.id("form:queues:0:name")))
                        .getFirstSelectedOption()
                        .getText())
                .isEqualTo("it-rabbit (rabbitmq)");
        type(By.id("form:queues:0:parameters:0:name"), "queue");
        type(By.id("form:queues:0:parameters:0:value"), queueName);
        browser.clickAndWait(By.id("form:queues:0:addConnDetail"), By.id("form:queues:0:connDetails:0:name"));
        type(By.id("form:queues:0:connDetails:0:name"), "password");
        type(By.id("form:queues:0:connDetails:0:value"), "guest");
        type(By.id("form:queues:0:timeout"), "4");
        browser.clickAndWait(By.id("form:save"), MESSAGES);

        assertThat(driver.findElement(By.id("messages")).getText()).contains("was created");
        WebElement row = driver.findElement(By.xpath("//table[@id='triggers:list']/tbody/tr[1]"));
        assertThat(row.findElement(By.className("queue-count")).getText()).isEqualTo("1");
        assertThat(row.getText()).contains("it-rabbit", "queue=" + queueName);
        JsonObject stored = json(admin.get(TRIGGERS + "?page_size=1"))
                .getJsonArray("results")
                .getJsonObject(0)
                .getJsonArray("message_broker_queues")
                .getJsonObject(0);
        assertThat(stored.getString("name")).isEqualTo("it-rabbit");
        assertThat(stored.getJsonObject("parameters").getString("queue")).isEqualTo(queueName);
        assertThat(stored.getJsonNumber("timeout_secs").doubleValue()).isEqualTo(4.0);

        browser.clickAndWait(By.id("triggers:list:0:edit"), By.id("form:save"));
        assertThat(driver.findElement(By.id("form:queues:0:connDetails:0:value"))
                        .getAttribute("value"))
                .isEqualTo("****");
        type(By.id("form:queues:0:parameters:0:name"), "topic");
        browser.clickAndWait(By.id("form:save"), MESSAGES);

        assertThat(fieldError("form:queues:0:parameters:0:value"))
                .startsWith("Queue 1: parameter 'topic' is not a key of this broker type")
                .contains("it-rabbit");
        assertThat(driver.findElement(By.id("messages")).getText()).contains("Nothing was saved");
        JsonObject unchanged = json(admin.get(TRIGGERS + "?page_size=1"))
                .getJsonArray("results")
                .getJsonObject(0)
                .getJsonArray("message_broker_queues")
                .getJsonObject(0);
        assertThat(unchanged.getJsonObject("parameters").keySet()).containsExactly("queue");
        assertThat(configCount()).isEqualTo(1);

        type(By.id("form:queues:0:parameters:0:name"), "queue");
        type(By.id("form:webhooks:0:timeout"), "6");
        browser.clickAndWait(By.id("form:save"), MESSAGES);
        assertThat(driver.findElement(By.id("messages")).getText()).contains("was saved");
        JsonObject resaved = json(admin.get(TRIGGERS + "?page_size=1"))
                .getJsonArray("results")
                .getJsonObject(0);
        assertThat(resaved.getJsonArray("message_broker_queues")).hasSize(1);
        assertThat(resaved.getJsonArray("message_broker_queues")
                        .getJsonObject(0)
                        .getJsonObject("parameters")
                        .getString("queue"))
                .isEqualTo(queueName);
    }

    @Test
    void anAdminSwitchesATriggerOffAndDeletesIt() {
        long configId =
                json(admin.post(TRIGGERS, seedDocument())).getJsonNumber("id").longValue();
        signIn("it-admin", "it-admin-password");

        browser.clickAndWait(By.id("triggers:list:0:toggle"), MESSAGES);
        assertThat(driver.findElement(By.id("messages")).getText()).contains("Trigger " + configId + " is now off");
        assertThat(driver.findElement(By.id("triggers:list:0:toggle")).getAttribute("value"))
                .isEqualTo("Switch on");
        assertThat(json(admin.get(TRIGGERS + "/" + configId)).getBoolean("active"))
                .isFalse();

        browser.loadAndWait(
                () -> {
                    driver.findElement(By.id("triggers:list:0:delete")).click();
                    driver.switchTo().alert().accept();
                },
                MESSAGES);
        assertThat(driver.findElement(By.id("messages")).getText()).contains("Trigger " + configId + " was deleted");
        assertThat(driver.findElements(By.id("triggers:list"))).isEmpty();
        assertThat(configCount()).isZero();
    }

    @Test
    void theSignInPageRefusesAWrongPasswordAndLeadsBackToTheWantedPage() {
        driver.get(base + CONSOLE + "deliveries.xhtml?entity_type=Sale");
        assertThat(driver.getCurrentUrl()).contains("/" + CONSOLE + "login.xhtml");

        type(By.id("username"), "it-admin");
        type(By.id("password"), "wrong-password");
        browser.clickAndWait(By.id("sign-in"), By.id("sign-in-error"));
        assertThat(driver.findElement(By.id("sign-in-error")).getText()).contains("do not match");

        type(By.id("username"), "it-admin");
        type(By.id("password"), "it-admin-password");
        browser.clickAndWait(By.id("sign-in"), SIGNED_IN);
        assertThat(driver.getCurrentUrl()).endsWith("/" + CONSOLE + "deliveries.xhtml?entity_type=Sale");
        assertThat(driver.findElement(By.id("user")).getText()).contains("it-admin", "admin");
    }

    @Test
    void aViewerReadsEverythingButCannotChangeAnything() {
        long configId =
                json(admin.post(TRIGGERS, seedDocument())).getJsonNumber("id").longValue();
        long sale = demoSale(2);
        await().atMost(DELIVERED)
                .until(() -> json(admin.get(DELIVERIES + "?config=" + configId + "&state=succeeded"))
                                .getInt("count")
                        == 1);
        signIn("it-viewer", "it-viewer-password");

        assertThat(driver.findElement(By.id("user")).getText()).contains("it-viewer", "viewer");
        assertThat(driver.findElement(By.id("triggers:list")).getText()).contains("Sale", "post_save");
        assertThat(driver.findElements(By.id("new-trigger"))).isEmpty();
        assertThat(driver.findElements(By.cssSelector("input[type=submit]"))).isEmpty();
        assertThat(driver.findElements(By.id("triggers:list:0:edit"))).isEmpty();

        // the server, not the hidden button, refuses: post the switch a viewer does not see
        browser.loadAndWait(
                () -> ((JavascriptExecutor) driver)
                        .executeScript("var form = document.getElementById('triggers');"
                                + " var forged = document.createElement('input'); forged.type = 'hidden';"
                                + " forged.name = 'triggers:list:0:toggle'; forged.value = 'Switch off';"
                                + " form.appendChild(forged); form.submit();"),
                SIGNED_IN);
        assertThat(json(admin.get(TRIGGERS + "/" + configId)).getBoolean("active"))
                .isTrue();

        driver.get(base + CONSOLE + "deliveries.xhtml?entity_type=Sale&entity_id=" + sale);
        assertThat(driver.findElement(By.className("delivery-state")).getText()).isEqualTo("succeeded");
        assertThat(driver.findElements(By.id("recover"))).isEmpty();
        browser.clickAndWait(By.className("delivery-link"), By.id("delivery-state"));
        assertThat(texts(By.className("attempt-status"))).containsExactly("200");
        assertThat(driver.findElements(By.id("actions:redeliver"))).isEmpty();

        driver.get(base + CONSOLE + "deliveries.xhtml?config=x&since=yesterday");
        assertThat(driver.findElement(By.id("error-config")).getText())
                .isEqualTo("Trigger must be a trigger number, e.g. 3");
        assertThat(driver.findElement(By.id("error-since")).getText()).startsWith("Since 'yesterday' is not a time");

        driver.get(base + CONSOLE + "edit/trigger.xhtml?id=" + configId);
        assertThat(driver.findElement(By.id("forbidden")).getText()).contains("may only read");
        assertThat(json(admin.get(TRIGGERS + "/" + configId)).getBoolean("active"))
                .isTrue();
    }

    @Test
    void theHealthPageShowsTheBreakerOpeningTheDisableWithItsReasonAndAViewerCannotReEnable() {
        receiver.respondWithBody(hookPath, 503, "down for maintenance");
        long configId =
                json(admin.post(TRIGGERS, seedDocument())).getJsonNumber("id").longValue();
        long webhookId = json(admin.get(TRIGGERS + "/" + configId))
                .getJsonArray("webhooks")
                .getJsonObject(0)
                .getJsonNumber("id")
                .longValue();
        String destination = "webhook " + webhookId;
        String api = TRIGGERS + "/destinations/webhook/" + webhookId;
        signIn("it-admin", "it-admin-password");
        demoSale(2);
        demoSale(3);

        // the policy engine opens the breaker after two failed rounds, then disables after 8 s of failing
        driver.get(base + CONSOLE + "health.xhtml");
        await().atMost(DELIVERED).until(() -> {
            driver.navigate().refresh();
            return healthRow(destination)
                    .findElement(By.className("destination-state"))
                    .getText()
                    .equals("breaker open");
        });
        assertThat(healthRow(destination)
                        .findElement(By.className("destination-reason"))
                        .getText())
                .startsWith("opened after ")
                .contains("HTTP 503");
        browser.save(README_SHOTS.resolve("health-breaker-open.png"));
        await().atMost(DELIVERED).until(() -> {
            driver.navigate().refresh();
            return healthRow(destination)
                    .findElement(By.className("destination-state"))
                    .getText()
                    .equals("disabled");
        });
        // a round in flight when the destination was disabled still records its attempts: read the figures
        // once none is left
        await().atMost(DELIVERED)
                .until(() -> json(admin.get(DELIVERIES + "?webhook=" + webhookId + "&state=in_flight"))
                                .getInt("count")
                        == 0);
        driver.navigate().refresh();
        WebElement row = healthRow(destination);
        assertThat(row.findElement(By.className("destination-reason")).getText())
                .startsWith("failing without a success since")
                .contains("HTTP 503");
        assertThat(row.findElement(By.className("waiting")).getText()).matches("[12] waiting");
        assertThat(row.findElement(By.className("success-rate")).getText()).isEqualTo("0.0 %");
        long failed = Long.parseLong(row.findElement(By.className("volume")).getText());
        assertThat(failed).isGreaterThanOrEqualTo(4);
        assertThat(row.findElement(By.cssSelector("svg.chart title")).getAttribute("textContent"))
                .contains(failed + " in all, " + failed + " failed");
        browser.save(README_SHOTS.resolve("health.png"));

        browser.clickAndWait(By.linkText(destination), By.id("destination-state"));
        assertThat(driver.findElement(By.id("destination-state")).getText()).isEqualTo("disabled");
        assertThat(driver.findElement(By.id("state-reason")).getText()).contains("failing without a success since");
        assertThat(driver.findElements(By.cssSelector("svg.chart"))).hasSize(9);
        assertThat(driver.findElement(By.id("latency-hour-title")).getAttribute("textContent"))
                .isEqualTo("Latency p50 and p99, last hour");
        assertThat(driver.findElement(By.id("volume-day-desc")).getAttribute("textContent"))
                .contains("failed: from 0 to ");
        assertThat(texts(By.className("failure-status"))).isNotEmpty().allMatch("503"::equals);
        assertThat(driver.findElement(By.className("failure-response")).getText())
                .isEqualTo("down for maintenance");
        browser.save(README_SHOTS.resolve("destination-health.png"));

        // the same figures through the admin API, for a viewer too; a viewer may not queue a test event
        JsonObject figures = json(viewer.get(api + "/figures"));
        assertThat(figures.getString("destination")).isEqualTo("webhook:" + webhookId);
        assertThat(figures.getJsonObject("windows").getJsonObject("hour").getInt("failed"))
                .isEqualTo((int) failed);
        assertThat(figures.getJsonObject("windows").getJsonObject("week").getJsonArray("buckets"))
                .hasSize(28);
        assertThat(figures.getJsonArray("last_failures").getJsonObject(0).getString("response_body"))
                .isEqualTo("down for maintenance");
        assertThat(viewer.post(api + "/test-event", "").statusCode()).isEqualTo(403);
        assertThat(admin.get(TRIGGERS + "/destinations/webhook/987654/figures").statusCode())
                .isEqualTo(404);

        driver.manage().deleteAllCookies();
        signIn("it-viewer", "it-viewer-password");
        driver.get(base + CONSOLE + "destination.xhtml?webhook=" + webhookId);
        assertThat(driver.findElement(By.id("destination-state")).getText()).isEqualTo("disabled");
        assertThat(driver.findElements(By.id("actions:reenable"))).isEmpty();
        // the server, not the hidden button, refuses: post the re-enable a viewer does not see
        browser.loadAndWait(
                () -> ((JavascriptExecutor) driver)
                        .executeScript("var form = document.getElementById('actions');"
                                + " var forged = document.createElement('input'); forged.type = 'hidden';"
                                + " forged.name = 'actions:reenable'; forged.value = 'Re-enable';"
                                + " form.appendChild(forged); form.submit();"),
                SIGNED_IN);
        assertThat(json(admin.get(api)).getString("state")).isEqualTo("disabled");
        driver.get(base + CONSOLE + "destination.xhtml?webhook=" + webhookId);
        assertThat(driver.findElement(By.id("destination-state")).getText()).isEqualTo("disabled");

        driver.manage().deleteAllCookies();
        signIn("it-admin", "it-admin-password");
        driver.get(base + CONSOLE + "destination.xhtml?webhook=" + webhookId);
        receiver.respond(hookPath, 200);
        browser.clickAndWait(By.id("actions:reenable"), MESSAGES);
        assertThat(driver.findElement(By.id("messages")).getText()).contains(destination + " is enabled again");
        await().atMost(DELIVERED)
                .until(() -> json(admin.get(DELIVERIES + "?config=" + configId + "&state=succeeded"))
                                .getInt("count")
                        == 2);
        driver.navigate().refresh();
        assertThat(driver.findElement(By.id("destination-state")).getText()).isEqualTo("healthy");

        browser.clickAndWait(By.id("actions:test"), MESSAGES);
        assertThat(driver.findElement(By.id("messages")).getText()).contains("Test event", "queued for " + destination);
        await().atMost(DELIVERED)
                .until(() ->
                        receiver.at(hookPath).stream().anyMatch(r -> r.body().contains("action_triggers.test")));

        type(By.id("actions:reason"), "paused at the customer's request");
        browser.clickAndWait(By.id("actions:disable"), MESSAGES);
        assertThat(driver.findElement(By.id("destination-state")).getText()).isEqualTo("disabled");
        assertThat(driver.findElement(By.id("state-reason")).getText()).contains("paused at the customer's request");
    }

    private WebElement healthRow(String destination) {
        return driver.findElement(
                By.xpath("//table[@id='destinations']/tbody/tr[td/a[normalize-space(text())='" + destination + "']]"));
    }

    @Test
    void aSignInFormPostedFromAnotherSiteIsRefused() {
        driver.get(base + CONSOLE);
        assertThat(driver.getCurrentUrl()).contains("/" + CONSOLE + "login.xhtml");

        try (CrossSitePage attacker = CrossSitePage.postingOnLoad(
                base + CONSOLE + "sign-in", "username", "it-admin", "password", "it-admin-password")) {
            driver.get(attacker.url());
            browser.awaitShown(By.id("sign-in-expired"));
        }

        driver.get(base + CONSOLE);
        assertThat(driver.getCurrentUrl())
                .as("the browser was not signed in by the other site's form")
                .contains("/" + CONSOLE + "login.xhtml");
    }

    @Test
    void aConsoleFormPostedFromAnotherSiteIsRefusedEvenWithTheViewState() {
        long configId =
                json(admin.post(TRIGGERS, seedDocument())).getJsonNumber("id").longValue();
        signIn("it-admin", "it-admin-password");
        // the worst case: the attacker knows the view state (client-side state saving, a leak); only our token is
        // missing
        String viewState = driver.findElement(By.cssSelector("#triggers input[name='jakarta.faces.ViewState']"))
                .getAttribute("value");

        try (CrossSitePage attacker = CrossSitePage.postingOnLoad(
                base + CONSOLE + "index.xhtml",
                "triggers",
                "triggers",
                "jakarta.faces.ViewState",
                viewState,
                "triggers:list:0:toggle",
                "Switch off")) {
            driver.get(attacker.url());
            assertThat(browser.awaitShown(By.id("forged")).getText()).contains("nothing was done");
        }
        assertThat(json(admin.get(TRIGGERS + "/" + configId)).getBoolean("active"))
                .isTrue();

        try (CrossSitePage attacker = CrossSitePage.postingOnLoad(base + CONSOLE + "sign-out")) {
            driver.get(attacker.url());
            browser.awaitShown(SIGNED_IN);
        }
        driver.get(base + CONSOLE);
        assertThat(driver.findElement(SIGNED_IN).getText())
                .as("still signed in after another site posted to sign-out")
                .contains("it-admin");

        // the console's own form, with its token, still works
        browser.clickAndWait(By.id("triggers:list:0:toggle"), MESSAGES);
        assertThat(json(admin.get(TRIGGERS + "/" + configId)).getBoolean("active"))
                .isFalse();
    }

    @Test
    void repeatedFailedSignInsAreRefusedForAWhileAndSaySo() {
        driver.get(base + CONSOLE);
        for (int i = 1; i <= 5; i++) {
            type(By.id("username"), "mallory");
            type(By.id("password"), "guess-" + i);
            browser.clickAndWait(By.id("sign-in"), By.id("sign-in-error"));
        }
        type(By.id("username"), "mallory");
        type(By.id("password"), "guess-6");
        browser.clickAndWait(By.id("sign-in"), By.id("sign-in-throttled"));
        assertThat(driver.findElement(By.id("sign-in-throttled")).getText())
                .matches("Too many failed sign-ins: try again in \\d+ s\\.");

        // another account from this address is not locked
        signIn("it-admin", "it-admin-password");
    }

    @Test
    void theSignInChangesTheSessionIdAndSetsAStrictHttpOnlyCookieWithoutWhichItDoesNotHold() {
        driver.get(base + CONSOLE);
        Cookie before = driver.manage().getCookieNamed("JSESSIONID");
        assertThat(before).as("the sign-in page's session").isNotNull();
        type(By.id("username"), "it-admin");
        type(By.id("password"), "it-admin-password");
        browser.clickAndWait(By.id("sign-in"), SIGNED_IN);

        Cookie session = driver.manage().getCookieNamed("JSESSIONID");
        assertThat(session.getValue()).as("the session id after signing in").isNotEqualTo(before.getValue());
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.getSameSite()).isEqualTo("Lax");
        Cookie ours = driver.manage().getCookieNamed("action-triggers-sign-in");
        assertThat(ours).isNotNull();
        assertThat(ours.isHttpOnly()).isTrue();
        assertThat(ours.getSameSite()).isEqualTo("Strict");
        assertThat(ours.isSecure()).as("plain HTTP here; Secure comes with TLS").isFalse();
        assertThat(ours.getPath()).endsWith("/action-triggers/");

        // a stolen session id alone does not sign anyone in to the console
        driver.manage().deleteCookieNamed("action-triggers-sign-in");
        driver.get(base + CONSOLE);
        assertThat(driver.getCurrentUrl()).contains("/" + CONSOLE + "login.xhtml");
    }

    /**
     * Behind TLS our sign-in cookie is also {@code Secure} (issue 18 item 3): the console over the server's HTTPS
     * listener, with its self-signed certificate, on loopback.
     */
    @Test
    void overTlsTheSignInCookieIsSecure() {
        String port = System.getProperty("it.https.port");
        assertThat(port)
                .as("the system property it.https.port, set by the build's server profile")
                .isNotBlank();
        String tls = "https://" + ApiClient.LOOPBACK + ":" + port + base.getPath();
        driver.get(tls + CONSOLE);
        assertThat(driver.getCurrentUrl()).startsWith(tls).contains("/" + CONSOLE + "login.xhtml");
        type(By.id("username"), "it-admin");
        type(By.id("password"), "it-admin-password");
        browser.clickAndWait(By.id("sign-in"), SIGNED_IN);
        assertThat(driver.getCurrentUrl()).startsWith(tls).doesNotContain("login.xhtml");

        Cookie ours = driver.manage().getCookieNamed("action-triggers-sign-in");
        assertThat(ours).isNotNull();
        assertThat(ours.isSecure()).as("our sign-in cookie over TLS").isTrue();
        assertThat(ours.isHttpOnly()).isTrue();
        assertThat(ours.getSameSite()).isEqualTo("Strict");
    }

    @Test
    void theConsoleSendsItsSecurityHeadersRendersNoInlineScriptAndCannotBeFramed() {
        HttpResponse<String> page = anonymous.get(CONSOLE + "login.xhtml");
        assertThat(page.headers().firstValue("Content-Security-Policy"))
                .hasValue("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self';"
                        + " form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(anonymous.get("api/demo/received").headers().firstValue("Content-Security-Policy"))
                .as("the application's own pages keep their headers")
                .isEmpty();

        long configId =
                json(admin.post(TRIGGERS, seedDocument())).getJsonNumber("id").longValue();
        signIn("it-admin", "it-admin-password");
        for (String view :
                List.of("index.xhtml", "deliveries.xhtml", "edit/trigger.xhtml?id=" + configId, "edit/trigger.xhtml")) {
            driver.get(base + CONSOLE + view);
            String html = driver.getPageSource();
            assertThat(Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>")
                            .matcher(html)
                            .find())
                    .as("an inline <script> in " + view)
                    .isFalse();
            assertThat(Pattern.compile("\\son[a-z]+=\"").matcher(html).find())
                    .as("an on… attribute in " + view)
                    .isFalse();
            assertThat(Pattern.compile("\\sstyle=\"").matcher(html).find())
                    .as("a style attribute in " + view)
                    .isFalse();
        }

        try (CrossSitePage framing = new CrossSitePage("<!DOCTYPE html><html><body><iframe id=\"console\" src=\"" + base
                + CONSOLE + "index.xhtml\" width=\"800\" height=\"600\"></iframe></body></html>")) {
            driver.get(framing.url()); // returns once the page and its frame have loaded, or failed to
            driver.switchTo().frame("console");
            try {
                assertThat(driver.findElements(By.id("user")))
                        .as("the console shown inside another site's frame")
                        .isEmpty();
                assertThat(driver.findElements(By.id("username"))).isEmpty();
            } finally {
                driver.switchTo().defaultContent();
            }
        }
    }

    private void signIn(String user, String password) {
        driver.get(base + CONSOLE);
        assertThat(driver.getCurrentUrl()).contains("/" + CONSOLE + "login.xhtml");
        type(By.id("username"), user);
        type(By.id("password"), password);
        browser.clickAndWait(By.id("sign-in"), SIGNED_IN);
        assertThat(driver.getCurrentUrl()).doesNotContain("login.xhtml");
    }

    /** The seed scenario's trigger on the form: Sale, post_save, the seed payload, one POST webhook. */
    private void fillTrigger(String url, String timeout) {
        driver.findElement(By.cssSelector("input[name='form:contentTypes'][value='Sale']"))
                .click();
        driver.findElement(By.cssSelector("input[name='form:signals'][value='post_save']"))
                .click();
        type(By.id("form:webhooks:0:url"), url);
        type(By.id("form:webhooks:0:timeout"), timeout);
        type(By.id("form:payload"), """
                {"customer_name": "{{ customer.name }}", "product_name": "{{ product.name }}",
                 "quantity": "{{ quantity }}"}""");
    }

    private String fieldError(String inputId) {
        return driver.findElement(By.id(inputId))
                .findElement(By.xpath("following-sibling::span[contains(@class, 'field-error')]"))
                .getText();
    }

    private void type(By field, String text) {
        WebElement input = driver.findElement(field);
        input.clear();
        input.sendKeys(text);
    }

    private List<String> texts(By by) {
        return driver.findElements(by).stream().map(WebElement::getText).toList();
    }

    private void awaitState(String state) {
        await().atMost(DELIVERED).until(() -> {
            driver.navigate().refresh();
            List<String> states = texts(By.className("delivery-state"));
            return !states.isEmpty() && states.get(0).equals(state);
        });
    }

    private String seedDocument() {
        return """
                {"payload": {"customer_name": "{{ customer.name }}", "quantity": "{{ quantity }}"},
                 "config_signals": [{"signal": "post_save"}],
                 "content_types": [{"model": "Sale"}],
                 "webhooks": [{"url": "%s"}]}
                """.formatted(hook);
    }
}
