package org.actiontriggers.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.actiontriggers.record.PayloadTemplateChecker;
import org.actiontriggers.settings.BrokerCatalog;
import org.actiontriggers.settings.Limits;
import org.actiontriggers.settings.Settings;
import org.actiontriggers.settings.TestSettings;
import org.actiontriggers.trigger.ConfigDraft.ContentTypeDraft;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigValidatorTest {

    private static final String URL = "https://example.com/hook";

    private static Settings settings(int maxWebhooks, String... patterns) {
        return TestSettings.settings()
                .contentTypes("Sale", "Customer")
                .endpointPatterns(patterns)
                .maxWebhookTimeout(Duration.ofMillis(2500))
                .limits(new Limits(256 * 1024, 32, 8 * 1024, Limits.RESPONSE_BODY_COLUMN, maxWebhooks))
                .maxRequestBytes(1024)
                .build();
    }

    private ConfigValidator validator =
            validator(settings(3, "https://example\\.com/hook", "http://localhost:\\d+/.*"));

    private static ConfigValidator validator(Settings settings) {
        return new ConfigValidator(
                settings, Set.of("Sale", "Customer", "Product"), new PayloadTemplateChecker(), BrokerCatalog.NONE);
    }

    private static WebhookDraft webhook(String url) {
        return new WebhookDraft(url, "POST", Map.of("Authorization", "Bearer {{ org.example.Secrets.token }}"), 2.0);
    }

    private static ConfigDraft draft(
            JsonValue payload, List<String> signals, List<String> types, WebhookDraft... hooks) {
        return new ConfigDraft(
                true, payload, signals, types.stream().map(ContentTypeDraft::of).toList(), List.of(hooks), List.of());
    }

    private static ConfigDraft valid() {
        return draft(
                Json.createObjectBuilder()
                        .add("customer_name", "{{ instance.customer.name }}")
                        .add("quantity", "{{ quantity }}")
                        .add(
                                "nested",
                                Json.createArrayBuilder()
                                        .add("[[${instance.product.name}]]")
                                        .add(3))
                        .build(),
                List.of("post_save", "PRE_DELETE"),
                List.of("Sale"),
                webhook(URL));
    }

    private List<Violation> violationsOf(ConfigDraft draft) {
        return validator.validate(draft);
    }

    private Violation onlyViolationOf(ConfigDraft draft) {
        List<Violation> violations = violationsOf(draft);
        assertThat(violations).hasSize(1);
        return violations.get(0);
    }

    @Test
    void theSeedPagesTriggerIsValid() {
        assertThat(violationsOf(valid())).isEmpty();
    }

    @Test
    void noPayloadAndATextPayloadAreValid() {
        assertThat(violationsOf(draft(null, List.of("post_save"), List.of("Sale"), webhook(URL))))
                .isEmpty();
        assertThat(violationsOf(draft(JsonValue.NULL, List.of("post_save"), List.of("Sale"), webhook(URL))))
                .isEmpty();
        assertThat(violationsOf(draft(
                        Json.createValue("{{ customer.name }} bought {{ quantity }}"),
                        List.of("post_save"),
                        List.of("sale"),
                        webhook(URL))))
                .isEmpty();
    }

    @Test
    void aConfigWithoutWebhooksIsValid() {
        assertThat(violationsOf(draft(null, List.of("post_save"), List.of("Sale"))))
                .isEmpty();
    }

    @Test
    void contentTypeNotWhitelistedIsNamedWithTheWhitelist() {
        Violation v = onlyViolationOf(draft(null, List.of("post_save"), List.of("Product"), webhook(URL)));

        assertThat(v.pointer()).isEqualTo("/content_types/0/model");
        assertThat(v.reason())
                .contains("'Product'", Settings.WHITELISTED_CONTENT_TYPES)
                .contains("Customer, Sale");
    }

    @Test
    void unknownContentTypeIsRefusedAtTheFieldItWasWrittenIn() {
        ConfigDraft draft = new ConfigDraft(
                true,
                null,
                List.of("post_save"),
                List.of(ContentTypeDraft.of("Sale"), new ContentTypeDraft("shop", "Invoice", ConfigField.MODEL_NAME)),
                List.of(webhook(URL)),
                List.of());

        Violation v = onlyViolationOf(draft);

        assertThat(v.pointer()).isEqualTo("/content_types/1/model_name");
        assertThat(v.reason()).contains("'Invoice' is not an entity of this application");
    }

    @Test
    void contentTypesAreMatchedWithoutRegardToCase() {
        assertThat(validator.entityName("sale")).hasValue("Sale");
        assertThat(validator.entityName(" CUSTOMER ")).hasValue("Customer");
        assertThat(validator.entityName("Invoice")).isEmpty();
        assertThat(validator.entityName(null)).isEmpty();
    }

    @Test
    void emptyOrBlankOrDuplicateContentTypesAreRefused() {
        assertThat(onlyViolationOf(draft(null, List.of("post_save"), List.of(), webhook(URL))))
                .isEqualTo(new Violation(
                        "/content_types", "at least one content type is required; whitelisted: Customer, Sale"));
        assertThat(onlyViolationOf(draft(null, List.of("post_save"), List.of(" "), webhook(URL)))
                        .pointer())
                .isEqualTo("/content_types/0/model");
        assertThat(onlyViolationOf(draft(null, List.of("post_save"), List.of("Sale", "sale"), webhook(URL))))
                .isEqualTo(new Violation("/content_types/1/model", "'Sale' is listed twice"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"post_save", "POST_SAVE", "Post_Save", "pre_save", "pre_delete", "post_delete"})
    void signalsAreAcceptedInDatsFormAndTheEnumsForm(String signal) {
        assertThat(violationsOf(draft(null, List.of(signal), List.of("Sale"), webhook(URL))))
                .isEmpty();
    }

    @Test
    void unknownSignalIsRefusedNamingTheKnownOnes() {
        Violation v = onlyViolationOf(draft(null, List.of("post_save", "on_save"), List.of("Sale"), webhook(URL)));

        assertThat(v.pointer()).isEqualTo("/config_signals/1/signal");
        assertThat(v.reason()).contains("on_save").contains("pre_save, post_save, pre_delete, post_delete");
    }

    @Test
    void emptyBlankAndDuplicateSignalsAreRefused() {
        assertThat(onlyViolationOf(draft(null, List.of(), List.of("Sale"), webhook(URL)))
                        .pointer())
                .isEqualTo("/config_signals");
        List<String> withNull = new ArrayList<>();
        withNull.add(null);
        assertThat(onlyViolationOf(draft(null, withNull, List.of("Sale"), webhook(URL)))
                        .pointer())
                .isEqualTo("/config_signals/0/signal");
        Violation twice =
                onlyViolationOf(draft(null, List.of("post_save", "POST_SAVE"), List.of("Sale"), webhook(URL)));
        assertThat(twice.pointer()).isEqualTo("/config_signals/1/signal");
        assertThat(twice.reason()).contains("listed twice");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ftp://example.com/hook",
                "file:///etc/passwd",
                "example.com/hook",
                "https:///no-host",
                "not a url at all",
                "javascript:alert(1)"
            })
    void urlThatIsNotHttpIsRefused(String url) {
        Violation v = onlyViolationOf(draft(null, List.of("post_save"), List.of("Sale"), webhook(url)));

        assertThat(v).isEqualTo(new Violation("/webhooks/0/url", "must be an absolute http or https URL with a host"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://example.com/hook/more",
                "https://example.com/hooks",
                "https://evil.example/https://example.com/hook",
                "https://example.com.evil.test/hook",
                "http://example.com/hook"
            })
    void urlMatchingNoPatternAsAWholeIsRefusedNamingThePatterns(String url) {
        Violation v = onlyViolationOf(draft(null, List.of("post_save"), List.of("Sale"), webhook(URL), webhook(url)));

        assertThat(v.pointer()).isEqualTo("/webhooks/1/url");
        assertThat(v.reason())
                .contains(Settings.WHITELISTED_WEBHOOK_ENDPOINT_PATTERNS)
                .contains("whole URL")
                .contains("https://example\\.com/hook");
    }

    @Test
    void withoutEndpointPatternsNoUrlIsAccepted() {
        validator = validator(settings(3));

        Violation v = onlyViolationOf(draft(null, List.of("post_save"), List.of("Sale"), webhook(URL)));

        assertThat(v.pointer()).isEqualTo("/webhooks/0/url");
        assertThat(v.reason()).contains("is empty");
    }

    @Test
    void missingOrOverlongUrlIsRefused() {
        assertThat(onlyViolationOf(draft(null, List.of("post_save"), List.of("Sale"), webhook(null))))
                .isEqualTo(new Violation("/webhooks/0/url", "is required"));
        String longUrl = "http://localhost:1/" + "a".repeat(2100);
        assertThat(onlyViolationOf(draft(null, List.of("post_save"), List.of("Sale"), webhook(longUrl)))
                        .reason())
                .contains("longer than 2048");
    }

    @Test
    void payloadTemplateThatDoesNotParseIsRefusedAtItsValueSayingWhere() {
        ConfigDraft draft = draft(
                Json.createObjectBuilder()
                        .add("ok", "{{ customer.name }}")
                        .add(
                                "a/b",
                                Json.createObjectBuilder()
                                        .add(
                                                "list",
                                                Json.createArrayBuilder()
                                                        .add("x")
                                                        .add("[[${1+}]]")))
                        .build(),
                List.of("post_save"),
                List.of("Sale"),
                webhook(URL));

        Violation v = onlyViolationOf(draft);

        assertThat(v.pointer()).isEqualTo("/payload/a~1b/list/1");
        assertThat(v.reason()).contains("'[[${1+}]]' at character 0 is not allowed");
    }

    @Test
    void textPayloadThatDoesNotParseIsRefusedAtThePayload() {
        Violation v = onlyViolationOf(draft(
                Json.createValue("Sold: {{ customer name }}"), List.of("post_save"), List.of("Sale"), webhook(URL)));

        assertThat(v.pointer()).isEqualTo("/payload");
        assertThat(v.reason()).contains("'{{ customer name }}' at character 7");
    }

    @Test
    void payloadThatIsNeitherObjectNorStringIsRefused() {
        for (JsonValue payload : List.of(
                Json.createValue(3),
                JsonValue.TRUE,
                Json.createArrayBuilder().add("x").build())) {
            assertThat(onlyViolationOf(draft(payload, List.of("post_save"), List.of("Sale"), webhook(URL)))
                            .pointer())
                    .isEqualTo("/payload");
        }
    }

    @Test
    void dynamicPathNotAllowedIsRefusedAtItsHeader() {
        WebhookDraft hook = new WebhookDraft(
                URL,
                "POST",
                Map.of(
                        "X-Api-Key",
                        "{{ org.example.Secrets.other }}",
                        "Authorization",
                        "Bearer {{ org.example.Secrets.token }}"),
                null);

        Violation v = onlyViolationOf(draft(null, List.of("post_save"), List.of("Sale"), hook));

        assertThat(v.pointer()).isEqualTo("/webhooks/0/headers/X-Api-Key");
        assertThat(v.reason())
                .isEqualTo("'org.example.Secrets.other' is not in " + Settings.ALLOWED_DYNAMIC_IMPORT_PATHS);
    }

    @Test
    void malformedReferenceInAHeaderIsRefused() {
        WebhookDraft hook = new WebhookDraft(URL, "POST", Map.of("X-Key", "{{ not a path }}"), null);

        Violation v = onlyViolationOf(draft(null, List.of("post_save"), List.of("Sale"), hook));

        assertThat(v.pointer()).isEqualTo("/webhooks/0/headers/X-Key");
        assertThat(v.reason()).contains("is not a {{ fully.qualified.Class.member }} reference");
    }

    @Test
    void invalidReservedOrMultiLineHeadersAreRefused() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Bad Header", "x");
        headers.put("Host", "evil.test");
        headers.put("webhook-id", "mine");
        headers.put("X-Split", "a\r\nInjected: yes");
        headers.put("X-Fine", "plain");
        WebhookDraft hook = new WebhookDraft(URL, "POST", headers, null);

        List<Violation> violations = violationsOf(draft(null, List.of("post_save"), List.of("Sale"), hook));

        assertThat(violations)
                .extracting(Violation::pointer)
                .containsExactly(
                        "/webhooks/0/headers/Bad Header",
                        "/webhooks/0/headers/Host",
                        "/webhooks/0/headers/webhook-id",
                        "/webhooks/0/headers/X-Split");
    }

    /** Every header the sender drops at send time; listed here, not read from HeaderRules, to pin the rule. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "Connection",
                "Content-Length",
                "Expect",
                "Host",
                "Keep-Alive",
                "Proxy-Authorization",
                "Proxy-Connection",
                "TE",
                "Trailer",
                "Transfer-Encoding",
                "Upgrade",
                "Webhook-Id",
                "webhook-timestamp",
                "WEBHOOK-SIGNATURE"
            })
    void aHeaderTheSenderWouldDropIsRefusedAtItsPointer(String name) {
        WebhookDraft hook = new WebhookDraft(URL, "POST", Map.of(name, "mine"), null);

        Violation v = onlyViolationOf(draft(null, List.of("post_save"), List.of("Sale"), hook));

        assertThat(v.pointer()).isEqualTo("/webhooks/0/headers/" + name);
        assertThat(v.reason())
                .startsWith("'" + name + "' cannot be configured: ")
                .endsWith("would drop it");
        assertThat(HeaderRules.isSetBySender(name)).as("the sender drops it").isTrue();
    }

    @Test
    void theValidatorRefusesEveryNameTheSenderDrops() {
        for (String name : HeaderRules.setBySender()) {
            WebhookDraft hook = new WebhookDraft(URL, "POST", Map.of(name, "mine"), null);
            assertThat(violationsOf(draft(null, List.of("post_save"), List.of("Sale"), hook)))
                    .as(name)
                    .extracting(Violation::pointer)
                    .containsExactly("/webhooks/0/headers/" + name);
        }
    }

    @Test
    void twoHeaderNamesThatDifferOnlyInCaseAreRefusedAtTheSecond() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Tenant", "a");
        headers.put("x-tenant", "b");
        WebhookDraft hook = new WebhookDraft(URL, "POST", headers, null);

        Violation v = onlyViolationOf(draft(null, List.of("post_save"), List.of("Sale"), hook));

        assertThat(v)
                .isEqualTo(new Violation(
                        "/webhooks/0/headers/x-tenant", "is the same header as 'X-Tenant' (header names ignore case)"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\rb", "a\nb", "a\u0000b", "a\u0007b", "a\u007fb"})
    void aHeaderValueWithAControlCharacterIsRefused(String value) {
        WebhookDraft hook = new WebhookDraft(URL, "POST", Map.of("X-Value", value), null);

        Violation v = onlyViolationOf(draft(null, List.of("post_save"), List.of("Sale"), hook));

        assertThat(v)
                .isEqualTo(new Violation(
                        "/webhooks/0/headers/X-Value", "must not contain line breaks or other control characters"));
        assertThat(HeaderRules.isValidValue(value))
                .as("the sender would refuse it too")
                .isFalse();
    }

    @Test
    void aTabOrNonAsciiTextInAHeaderValueIsFine() {
        WebhookDraft hook = new WebhookDraft(URL, "POST", Map.of("X-Value", "a\tb ü €"), null);

        assertThat(violationsOf(draft(null, List.of("post_save"), List.of("Sale"), hook)))
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, -1.0, 0.0001, Double.NaN})
    void timeoutThatIsNotPositiveIsRefused(double timeout) {
        WebhookDraft hook = new WebhookDraft(URL, "POST", Map.of(), timeout);

        Violation v = onlyViolationOf(draft(null, List.of("post_save"), List.of("Sale"), hook));

        assertThat(v.pointer()).isEqualTo("/webhooks/0/timeout_secs");
        assertThat(v.reason()).contains("greater than 0").contains("at most 2.5");
    }

    @Test
    void timeoutAboveTheMaxIsRefusedSayingTheMax() {
        WebhookDraft hook = new WebhookDraft(URL, "POST", Map.of(), 2.51);

        Violation v = onlyViolationOf(draft(null, List.of("post_save"), List.of("Sale"), hook));

        assertThat(v)
                .isEqualTo(new Violation(
                        "/webhooks/0/timeout_secs",
                        "must be at most 2.5 seconds, the max webhook timeout (" + Settings.MAX_WEBHOOK_TIMEOUT + ")"));
    }

    @Test
    void timeoutAtTheMaxOrUnsetIsValid() {
        assertThat(violationsOf(
                        draft(null, List.of("post_save"), List.of("Sale"), new WebhookDraft(URL, null, null, 2.5))))
                .isEmpty();
        assertThat(violationsOf(
                        draft(null, List.of("post_save"), List.of("Sale"), new WebhookDraft(URL, null, null, null))))
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"get", "POST", "put", "Patch", "DELETE"})
    void knownMethodsInAnyCaseAreValid(String method) {
        WebhookDraft hook = new WebhookDraft(URL, method, Map.of(), null);

        assertThat(violationsOf(draft(null, List.of("post_save"), List.of("Sale"), hook)))
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"HEAD", "OPTIONS", "TRACE", "", "P0ST"})
    void unknownMethodIsRefused(String method) {
        WebhookDraft hook = new WebhookDraft(URL, method, Map.of(), null);

        Violation v = onlyViolationOf(draft(null, List.of("post_save"), List.of("Sale"), hook));

        assertThat(v.pointer()).isEqualTo("/webhooks/0/http_method");
        assertThat(v.reason()).contains("GET, POST, PUT, PATCH, DELETE");
    }

    @Test
    void tooManyWebhooksIsRefusedNamingTheSetting() {
        WebhookDraft[] four = Collections.nCopies(4, webhook(URL)).toArray(WebhookDraft[]::new);

        Violation v = onlyViolationOf(draft(null, List.of("post_save"), List.of("Sale"), four));

        assertThat(v.pointer()).isEqualTo("/webhooks");
        assertThat(v.reason()).contains("at most 3").contains(Settings.MAX_WEBHOOKS_PER_CONFIG);
        assertThat(violationsOf(
                        draft(null, List.of("post_save"), List.of("Sale"), webhook(URL), webhook(URL), webhook(URL))))
                .isEmpty();
    }

    @Test
    void everyProblemIsReportedAtOnceInDocumentOrder() {
        ConfigDraft draft = draft(
                Json.createObjectBuilder().add("x", "[[${1+}]]").build(),
                List.of("sometimes"),
                List.of("Invoice"),
                new WebhookDraft("ftp://x", "FETCH", Map.of("X-Key", "{{ a.b.c }}"), -1.0));

        assertThat(violationsOf(draft))
                .extracting(Violation::pointer)
                .containsExactly(
                        "/payload/x",
                        "/config_signals/0/signal",
                        "/content_types/0/model",
                        "/webhooks/0/url",
                        "/webhooks/0/http_method",
                        "/webhooks/0/headers/X-Key",
                        "/webhooks/0/timeout_secs");
    }

    @Test
    void aSavedConfigIsCheckedAgainUnderTheSettingsInForce() {
        Config config = new Config(
                Json.createObjectBuilder().add("quantity", "{{ quantity }}").build(), true, List.of("Sale"));
        new Webhook(
                config, URL, HttpMethod.PUT, Map.of("Authorization", "Bearer {{ org.example.Secrets.token }}"), 2.0);
        config.addSignal(Signal.POST_SAVE);

        assertThat(validator.validate(ConfigDraft.of(config))).isEmpty();

        validator = validator(settings(3, "https://other\\.example/.*"));
        assertThat(validator.validate(ConfigDraft.of(config)))
                .extracting(Violation::pointer)
                .containsExactly("/webhooks/0/url");
    }

    @Test
    void pointersEscapeSlashAndTilde() {
        assertThat(Violation.pointerOf("webhooks", 0, "headers", "a/b~c")).isEqualTo("/webhooks/0/headers/a~1b~0c");
        assertThat(Violation.pointerOf()).isEmpty();
    }

    @Test
    void aConditionIsParsedAndItsFieldsCheckedAgainstEveryWatchedTypeAtTheirPointers() {
        ConfigValidator knowing = new ConfigValidator(
                settings(3, "https://example\\.com/hook"),
                Set.of("Sale", "Customer", "Product"),
                new PayloadTemplateChecker(),
                BrokerCatalog.NONE,
                new org.actiontriggers.condition.EntityFields(Map.of(
                        "Sale", Map.of("id", "", "quantity", "", "customer", "Customer"),
                        "Customer", Map.of("id", "", "name", ""))));
        JsonValue condition;
        try (var reader = Json.createReader(new java.io.StringReader("{\"all\": [{\"field\": \"customer.name\","
                + " \"equals\": \"Ann\"}, {\"field\": \"quantity\", \"gt\": \"many\"},"
                + " {\"field\": \"status\", \"changed\": true}]}"))) {
            condition = reader.readValue();
        }

        List<Violation> violations = knowing.validate(valid().withCondition(condition));

        assertThat(violations).extracting(Violation::pointer).containsExactly("/condition/all/1/gt");
        assertThat(knowing.validate(valid().withCondition(Json.createObjectBuilder()
                        .add("field", "status")
                        .add("changed", true)
                        .build())))
                .containsExactly(new Violation(
                        "/condition/field", "'status' is not a property of Sale; it has customer, id, quantity"));
        assertThat(knowing.validate(valid().withCondition(JsonValue.NULL))).isEmpty();
        // a validator that does not know the properties accepts any well-formed path
        assertThat(validator.validate(valid().withCondition(Json.createObjectBuilder()
                        .add("field", "status")
                        .add("changed", true)
                        .build())))
                .isEmpty();
    }
}
