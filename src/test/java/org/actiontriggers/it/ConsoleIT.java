package org.actiontriggers.it;

import static org.actiontriggers.it.ApiClient.CONSOLE;
import static org.actiontriggers.it.ApiClient.DELIVERIES;
import static org.actiontriggers.it.ApiClient.TRIGGERS;
import static org.actiontriggers.it.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console in a real headless Chromium, as an operator uses it: sign in, create the seed scenario's
 * trigger through the form, watch its delivery arrive, make the receiver fail and send failures again (one,
 * and all of a webhook since a time), preview a payload with its credentials masked,
 * get a refusal next to the field with nothing saved, add a message broker queue, and a viewer who can read but
 * not change.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConsoleIT {

    private static final Duration DELIVERED = Duration.ofSeconds(60);
    private static final Path README_SHOTS = Path.of("target", "screenshots", "readme");
    private static final AtomicInteger HOOKS = new AtomicInteger();

    @RegisterExtension
    final Browser browser = new Browser();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    URL base;

    private WebDriver driver;
    private ApiClient anonymous;
    private ApiClient admin;
    private final TestReceiver receiver = TestReceiver.get();
    private String hookPath;

    @BeforeEach
    void cleanSlate() {
        driver = browser.driver();
        anonymous = ApiClient.anonymous(base);
        admin = anonymous.as("it-admin", "it-admin-password");
        hookPath = "/hooks/console-sales/" + HOOKS.incrementAndGet();
        deleteAllConfigs();
    }

    @Test
    void anAdminCreatesTheSeedTriggerSeesItsDeliveryAndSendsAFailureAgain() {
        signIn("it-admin", "it-admin-password");

        clickAndWait(By.id("new-trigger"));
        fillTrigger(receiver.url(hookPath), "5");
        type(By.id("form:webhooks:0:headers:0:name"), "Authorization");
        type(By.id("form:webhooks:0:headers:0:value"), "Bearer {{ org.actiontriggers.it.TestSecrets.token }}");
        clickAndWait(By.id("form:save"));

        String notice = driver.findElement(By.id("messages")).getText();
        Matcher created = Pattern.compile("Trigger (\\d+) was created").matcher(notice);
        assertThat(created.find()).as(notice).isTrue();
        long configId = Long.parseLong(created.group(1));
        WebElement row = driver.findElement(By.xpath("//table[@id='triggers:list']/tbody/tr[1]"));
        assertThat(row.getText()).contains("Sale", "post_save", receiver.url(hookPath));
        assertThat(row.findElement(By.className("webhook-count")).getText()).isEqualTo("1");

        long sale = createSale(3);
        driver.get(base + CONSOLE + "deliveries.xhtml?entity_type=Sale&entity_id=" + sale);
        awaitState("succeeded");
        assertThat(driver.findElement(By.id("log")).getText()).contains("Sale " + sale, "200");

        clickAndWait(By.className("delivery-link"));
        assertThat(texts(By.className("attempt-status"))).containsExactly("200");
        assertThat(driver.findElement(By.id("body")).getText())
                .contains("\"customer_name\":\"Ann\"", "\"product_name\":\"Widget\"", "\"quantity\":3");
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
        clickAndWait(By.className("delivery-link"));
        assertThat(texts(By.className("attempt-status"))).containsExactly("400");

        receiver.respond(hookPath, 200);
        clickAndWait(By.id("actions:redeliver"));
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
        clickAndWait(By.id("recover:go"));
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
        clickAndWait(By.id("form:save"));

        assertThat(fieldError("form:webhooks:0:url"))
                .startsWith("Webhook 1: URL matches none of")
                .contains("whitelisted-webhook-endpoint-patterns");
        assertThat(fieldError("form:webhooks:0:timeout"))
                .isEqualTo("Webhook 1: timeout must be a number of seconds, e.g. 10 or 2.5");
        assertThat(driver.findElement(By.id("messages")).getText()).contains("Nothing was saved");
        assertThat(driver.findElement(By.id("form:webhooks:0:url")).getAttribute("value"))
                .isEqualTo("https://elsewhere.example/hook");
        assertThat(configCount()).isZero();
        browser.save(README_SHOTS.resolve("trigger-form-errors.png"));

        type(By.id("form:webhooks:0:url"), receiver.url(hookPath));
        type(By.id("form:webhooks:0:timeout"), "2.5");
        clickAndWait(By.id("form:save"));

        assertThat(driver.findElement(By.id("messages")).getText()).contains("was created");
        assertThat(configCount()).isEqualTo(1);
    }

    @Test
    void aSavedSecretIsShownMaskedPreviewedMaskedAndKeptWhenTheFormIsSavedAgain() {
        String secret = "Bearer " + "k" + Long.toString(System.nanoTime(), 36) + "Zq7Lw9";
        signIn("it-admin", "it-admin-password");
        driver.get(base + CONSOLE + "edit/trigger.xhtml");
        fillTrigger(receiver.url(hookPath), "");
        type(By.id("form:webhooks:0:headers:0:name"), "Authorization");
        type(By.id("form:webhooks:0:headers:0:value"), secret);
        clickAndWait(By.id("form:save"));
        assertThat(driver.findElement(By.id("messages")).getText()).contains("was created");
        long sale = createSale(4);
        await().atMost(DELIVERED).until(() -> receiver.at(hookPath).size() == 1);

        clickAndWait(By.id("triggers:list:0:edit"));
        String shown =
                driver.findElement(By.id("form:webhooks:0:headers:0:value")).getAttribute("value");
        assertThat(shown).isEqualTo("Bearer ****");
        new Select(driver.findElement(By.id("form:previewType"))).selectByValue("Sale");
        type(By.id("form:previewId"), Long.toString(sale));
        driver.findElement(By.id("form:preview")).click();
        WebElement preview = new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("preview-body")));
        assertThat(preview.getText()).contains("\"customer_name\":\"Ann\"", "\"quantity\":4");
        assertThat(driver.findElement(By.id("form:previewResult")).getText())
                .contains("POST " + receiver.url(hookPath), "Authorization: Bearer ****");
        assertThat(driver.getPageSource()).doesNotContain(secret.substring(7));

        type(By.id("form:webhooks:0:timeout"), "7");
        clickAndWait(By.id("form:save"));
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
    void anAdminAddsABrokerQueueSeesItListedAndAParameterItsBrokerRefusesNextToItsField() {
        String queueName = "console-it-" + Long.toString(System.nanoTime(), 36);
        signIn("it-admin", "it-admin-password");
        driver.get(base + CONSOLE + "edit/trigger.xhtml");
        fillTrigger(receiver.url(hookPath), "");
        clickAndWait(By.id("form:addQueue"));
        new Select(driver.findElement(By.id("form:queues:0:name"))).selectByValue("it-rabbit");
        assertThat(new Select(driver.findElement(By.id("form:queues:0:name")))
                        .getFirstSelectedOption()
                        .getText())
                .isEqualTo("it-rabbit (rabbitmq)");
        type(By.id("form:queues:0:parameters:0:name"), "queue");
        type(By.id("form:queues:0:parameters:0:value"), queueName);
        clickAndWait(By.id("form:queues:0:addConnDetail"));
        type(By.id("form:queues:0:connDetails:0:name"), "password");
        type(By.id("form:queues:0:connDetails:0:value"), "guest");
        type(By.id("form:queues:0:timeout"), "4");
        clickAndWait(By.id("form:save"));

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

        clickAndWait(By.id("triggers:list:0:edit"));
        assertThat(driver.findElement(By.id("form:queues:0:connDetails:0:value"))
                        .getAttribute("value"))
                .isEqualTo("****");
        type(By.id("form:queues:0:parameters:0:name"), "topic");
        clickAndWait(By.id("form:save"));

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
        clickAndWait(By.id("form:save"));
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

        clickAndWait(By.id("triggers:list:0:toggle"));
        assertThat(driver.findElement(By.id("messages")).getText()).contains("Trigger " + configId + " is now off");
        assertThat(driver.findElement(By.id("triggers:list:0:toggle")).getAttribute("value"))
                .isEqualTo("Switch on");
        assertThat(json(admin.get(TRIGGERS + "/" + configId)).getBoolean("active"))
                .isFalse();

        WebElement page = driver.findElement(By.tagName("html"));
        driver.findElement(By.id("triggers:list:0:delete")).click();
        driver.switchTo().alert().accept();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.stalenessOf(page));
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
        clickAndWait(By.id("sign-in"));
        assertThat(driver.findElement(By.id("sign-in-error")).getText()).contains("do not match");

        type(By.id("username"), "it-admin");
        type(By.id("password"), "it-admin-password");
        clickAndWait(By.id("sign-in"));
        assertThat(driver.getCurrentUrl()).endsWith("/" + CONSOLE + "deliveries.xhtml?entity_type=Sale");
        assertThat(driver.findElement(By.id("user")).getText()).contains("it-admin", "admin");
    }

    @Test
    void aViewerReadsEverythingButCannotChangeAnything() {
        long configId =
                json(admin.post(TRIGGERS, seedDocument())).getJsonNumber("id").longValue();
        long sale = createSale(2);
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
        WebElement page = driver.findElement(By.tagName("html"));
        ((JavascriptExecutor) driver)
                .executeScript("var form = document.getElementById('triggers');"
                        + " var forged = document.createElement('input'); forged.type = 'hidden';"
                        + " forged.name = 'triggers:list:0:toggle'; forged.value = 'Switch off';"
                        + " form.appendChild(forged); form.submit();");
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.stalenessOf(page));
        assertThat(json(admin.get(TRIGGERS + "/" + configId)).getBoolean("active"))
                .isTrue();

        driver.get(base + CONSOLE + "deliveries.xhtml?entity_type=Sale&entity_id=" + sale);
        assertThat(driver.findElement(By.className("delivery-state")).getText()).isEqualTo("succeeded");
        assertThat(driver.findElements(By.id("recover"))).isEmpty();
        clickAndWait(By.className("delivery-link"));
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

    private void signIn(String user, String password) {
        driver.get(base + CONSOLE);
        assertThat(driver.getCurrentUrl()).contains("/" + CONSOLE + "login.xhtml");
        type(By.id("username"), user);
        type(By.id("password"), password);
        clickAndWait(By.id("sign-in"));
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

    /** Clicks something that loads a new page, and waits until the old one is gone. */
    private void clickAndWait(By target) {
        WebElement page = driver.findElement(By.tagName("html"));
        driver.findElement(target).click();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.stalenessOf(page));
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

    /** A customer, a product and a sale through the open demo endpoints; the sale's id. */
    private long createSale(int quantity) {
        long customer = json(anonymous.post("api/demo/customers", "{\"name\":\"Ann\"}"))
                .getJsonNumber("id")
                .longValue();
        long product = json(anonymous.post("api/demo/products", "{\"name\":\"Widget\"}"))
                .getJsonNumber("id")
                .longValue();
        JsonObject sale = json(anonymous.post(
                "api/demo/sales",
                "{\"customer\":" + customer + ",\"product\":" + product + ",\"quantity\":" + quantity + "}"));
        return sale.getJsonNumber("id").longValue();
    }

    private String seedDocument() {
        return """
                {"payload": {"customer_name": "{{ customer.name }}", "quantity": "{{ quantity }}"},
                 "config_signals": [{"signal": "post_save"}],
                 "content_types": [{"model": "Sale"}],
                 "webhooks": [{"url": "%s"}]}
                """.formatted(receiver.url(hookPath));
    }

    private long configCount() {
        return json(admin.get(TRIGGERS)).getJsonNumber("count").longValue();
    }

    private void deleteAllConfigs() {
        JsonObject page = json(admin.get(TRIGGERS + "?page_size=100"));
        while (!page.getJsonArray("results").isEmpty()) {
            for (JsonValue config : page.getJsonArray("results")) {
                admin.delete(TRIGGERS + "/" + config.asJsonObject().getJsonNumber("id"));
            }
            page = json(admin.get(TRIGGERS + "?page_size=100"));
        }
    }
}
