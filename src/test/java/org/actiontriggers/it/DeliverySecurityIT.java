package org.actiontriggers.it;

import static org.actiontriggers.it.TriggerBuilder.trigger;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.standardwebhooks.exceptions.WebhookVerificationException;
import jakarta.inject.Inject;
import jakarta.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import javax.sql.DataSource;
import org.actiontriggers.demo.Customer;
import org.actiontriggers.demo.Sale;
import org.actiontriggers.outbox.Delivery;
import org.actiontriggers.outbox.DeliveryState;
import org.actiontriggers.secret.SecretCipher;
import org.actiontriggers.secret.SecretReEncryption;
import org.actiontriggers.secret.SigningSecrets;
import org.actiontriggers.secret.UndecryptableSecretException;
import org.actiontriggers.trigger.ActiveTriggers;
import org.actiontriggers.trigger.Config;
import org.actiontriggers.trigger.HttpMethod;
import org.actiontriggers.trigger.Signal;
import org.actiontriggers.trigger.Webhook;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The security of delivery on a real Payara Micro, database and HTTP receiver: every delivery here is
 * verified by the independent Standard Webhooks library in the receiver, never by our own code.
 */
@ExtendWith(ArquillianExtension.class)
class DeliverySecurityIT extends ShopFixture {

    private static final Properties SECRETS = secrets();

    /** The signing secret {@code signing-secret-1} as the cipher stored it before key ids (v1), under the old key. */
    private static final String STORED_BEFORE_KEY_IDS =
            "v1:tt2ULZOyc8+GQGOJPmyiCfW0919trwDix+KP8Ca/eLfM76T3E1ei3/TFwbHYptg6n2dmCZCol9AMOhnFObj+UDTwtBIE7LWzS4MAKv1/";

    private static final String WEBHOOKS = "action_triggers_webhook";

    /**
     * Mid-rotation: a new encryption key, the one of the other test deployments still accepted for reading;
     * every test here runs under it, so normal operation is proven during a rotation too.
     */
    @Deployment
    static WebArchive deployment() {
        return Deployments.application("action-triggers.secret-encryption-key="
                + SECRETS.getProperty("secret-encryption-key-2")
                + "\naction-triggers.previous-secret-encryption-keys=" + SECRETS.getProperty("secret-encryption-key")
                + "\n");
    }

    @Inject
    SecretReEncryption reEncryption;

    @Inject
    SigningSecrets signingSecrets;

    @Inject
    ActiveTriggers activeTriggers;

    @Inject
    DataSource dataSource;

    @Test
    void aGeneratedSecretSignsEveryAttemptAndTheLibraryVerifiesThem() {
        Webhook webhook = saveTrigger(receiver.url(path), null);
        String secret = webhook.issuedSigningSecret();
        assertThat(secret).startsWith("whsec_");
        assertThat(webhook.issuedSigningSecret()).as("shown once").isNull();
        receiver.requireSignatures(path, secret);
        receiver.respond(path, 503, 200);

        Sale sale = sale(3);

        await().atMost(DELIVERED).until(() -> stateOf(sale) == DeliveryState.SUCCEEDED);
        List<TestReceiver.Received> received = receiver.at(path);
        assertThat(received).hasSize(2);
        assertThat(received).allSatisfy(r -> {
            assertThat(r.rejection()).isNull();
            assertThat(r.headers().get("webhook-signature")).matches("v1,[A-Za-z0-9+/=]+");
        });
        assertThat(received.get(1).headers().get("webhook-id"))
                .isEqualTo(received.get(0).headers().get("webhook-id"));
    }

    @Test
    void aTamperedBodyOrAStaleTimestampFailsTheLibrarysVerification() throws Exception {
        String secret = SECRETS.getProperty("signing-secret-1");
        saveTrigger(receiver.url(path), secret);
        receiver.requireSignatures(path, secret);

        Sale sale = sale(3);

        await().atMost(DELIVERED).until(() -> stateOf(sale) == DeliveryState.SUCCEEDED);
        TestReceiver.Received original = receiver.at(path).get(0);
        com.standardwebhooks.Webhook verifier = new com.standardwebhooks.Webhook(secret);
        verifier.verify(original.body(), original.headerLists());

        assertThatThrownBy(() -> verifier.verify(original.body().replace("3", "30"), original.headerLists()))
                .isInstanceOf(WebhookVerificationException.class);
        Map<String, List<String>> stale = new HashMap<>(original.headerLists());
        stale.put(
                "webhook-timestamp",
                List.of(Long.toString(Instant.now().minusSeconds(600).getEpochSecond())));
        assertThatThrownBy(() -> verifier.verify(original.body(), stale))
                .isInstanceOf(WebhookVerificationException.class)
                .hasMessageContaining("too old");
        assertThatThrownBy(() -> new com.standardwebhooks.Webhook(SECRETS.getProperty("signing-secret-2"))
                        .verify(original.body(), original.headerLists()))
                .isInstanceOf(WebhookVerificationException.class);
    }

    @Test
    void duringARotationsGracePeriodBothSecretsVerifyAndAfterwardsOnlyTheNewOne() throws Exception {
        String first = SECRETS.getProperty("signing-secret-1");
        String second = SECRETS.getProperty("signing-secret-2");
        String third = SECRETS.getProperty("signing-secret-3");
        Webhook webhook = saveTrigger(receiver.url(path), first);

        assertThat(signingSecrets.rotate(webhook.getId(), second, Duration.ofHours(1)))
                .isEqualTo(second);
        receiver.requireSignatures(path, first, second);
        Sale sale = sale(1);
        await().atMost(DELIVERED).until(() -> stateOf(sale) == DeliveryState.SUCCEEDED);
        assertThat(receiver.at(path).get(0).headers().get("webhook-signature").split(" "))
                .hasSize(2);

        signingSecrets.rotate(webhook.getId(), third, Duration.ZERO);
        receiver.requireSignatures(path, third);
        shop.changeQuantity(sale.getId(), 2);
        await().atMost(DELIVERED)
                .until(() -> deliveriesOf(sale).size() == 2
                        && deliveriesOf(sale).stream().allMatch(d -> d.getState() == DeliveryState.SUCCEEDED));
        TestReceiver.Received afterRotation = receiver.at(path).get(1);
        assertThat(afterRotation.headers().get("webhook-signature").split(" ")).hasSize(1);
        assertThatThrownBy(() -> new com.standardwebhooks.Webhook(second)
                        .verify(afterRotation.body(), afterRotation.headerLists()))
                .isInstanceOf(WebhookVerificationException.class);
    }

    @Test
    void savingACopyLoadedBeforeARotationDoesNotPutTheOldSecretBack() {
        String first = SECRETS.getProperty("signing-secret-1");
        String second = SECRETS.getProperty("signing-secret-2");
        Webhook webhook = saveTrigger(receiver.url(path), first);
        Config stale = configs.findActiveWithChildren().stream()
                .filter(c -> c.getWebhooks().get(0).getId().equals(webhook.getId()))
                .findFirst()
                .orElseThrow();

        signingSecrets.rotate(webhook.getId(), second, Duration.ZERO);
        stale.getWebhooks().get(0).setTimeoutSecs(6.0);
        configs.save(stale);

        receiver.requireSignatures(path, second);
        Sale sale = sale(1);
        await().atMost(DELIVERED).until(() -> stateOf(sale) == DeliveryState.SUCCEEDED);
        assertThat(receiver.at(path).get(0).rejection()).isNull();
    }

    @Test
    void aWebhookWithoutASecretGetsOneAtStartUp() throws Exception {
        Webhook webhook = saveTrigger(receiver.url(path), null);
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("UPDATE action_triggers_webhook SET signing_secret = NULL WHERE id = ?")) {
            ps.setLong(1, webhook.getId());
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }

        assertThat(signingSecrets.generateMissing()).isGreaterThanOrEqualTo(1);

        assertThat(data.storedSigningSecret(webhook.getId())).startsWith(newKey().currentPrefix());
        assertThat(signingSecrets
                        .keysFor(webhook.getId(), Instant.now())
                        .orElseThrow()
                        .signs())
                .isTrue();
    }

    @Test
    void secretsStoredBeforeKeyIdsOrUnderThePreviousKeyStillSignAndTheReEncryptionRunMovesThemAll() throws Exception {
        String first = SECRETS.getProperty("signing-secret-1");
        String second = SECRETS.getProperty("signing-secret-2");
        Webhook legacy = saveTrigger(receiver.url(path), first);
        storeSigningSecret(legacy.getId(), STORED_BEFORE_KEY_IDS);
        Webhook underOldKey = saveTrigger(receiver.url(path + "/old-key"), second);
        storeSigningSecret(underOldKey.getId(), oldKey().encrypt(second, WEBHOOKS, underOldKey.getId()));

        // both still sign, read with the previous key; the receiver's library verifies
        receiver.requireSignatures(path, first);
        receiver.requireSignatures(path + "/old-key", second);
        Sale sale = sale(2);
        await().atMost(DELIVERED)
                .until(() -> deliveriesOf(sale).size() == 2
                        && deliveriesOf(sale).stream().allMatch(d -> d.getState() == DeliveryState.SUCCEEDED));
        assertThat(receiver.at(path).get(0).rejection()).isNull();
        assertThat(receiver.at(path + "/old-key").get(0).rejection()).isNull();

        // one batch of one, as if the run were interrupted; then a full run resumes; then nothing is left to do
        SecretReEncryption.Report interrupted = reEncryption.run(1, 1);
        assertThat(interrupted.batches()).isEqualTo(1);
        assertThat(interrupted.reEncrypted()).isEqualTo(1);
        assertThat(interrupted.remaining()).isEqualTo(1);
        SecretReEncryption.Report resumed = reEncryption.run(100, 0);
        assertThat(resumed.reEncrypted()).isEqualTo(1);
        assertThat(resumed.undecryptable()).isEmpty();
        assertThat(resumed.remaining()).isZero();
        assertThat(resumed.keyId()).isEqualTo(newKey().currentKeyId());
        String movedLegacy = data.storedSigningSecret(legacy.getId());
        String movedOld = data.storedSigningSecret(underOldKey.getId());
        assertThat(movedLegacy).startsWith(newKey().currentPrefix());
        assertThat(movedOld).startsWith(newKey().currentPrefix());
        SecretReEncryption.Report again = reEncryption.run(100, 0);
        assertThat(again.reEncrypted()).isZero();
        assertThat(data.storedSigningSecret(legacy.getId())).isEqualTo(movedLegacy);

        // the moved secrets are the same secrets, and the old key alone no longer reads them
        assertThatThrownBy(() -> oldKey().decrypt(movedOld, WEBHOOKS, underOldKey.getId()))
                .isInstanceOf(UndecryptableSecretException.class);
        shop.changeQuantity(sale.getId(), 5);
        await().atMost(DELIVERED)
                .until(() -> deliveriesOf(sale).size() == 4
                        && deliveriesOf(sale).stream().allMatch(d -> d.getState() == DeliveryState.SUCCEEDED));
        assertThat(receiver.at(path))
                .hasSize(2)
                .allSatisfy(r -> assertThat(r.rejection()).isNull());
        assertThat(receiver.at(path + "/old-key"))
                .hasSize(2)
                .allSatisfy(r -> assertThat(r.rejection()).isNull());
    }

    @Test
    void aCiphertextCopiedFromAnotherWebhookDoesNotDecryptAndNothingIsSent() throws Exception {
        Webhook other = saveTrigger(receiver.url(path + "/other"), SECRETS.getProperty("signing-secret-1"));
        String othersCiphertext = data.storedSigningSecret(other.getId());
        configs.delete(other.getConfig().getId());
        Webhook webhook = saveTrigger(receiver.url(path), SECRETS.getProperty("signing-secret-2"));

        storeSigningSecret(webhook.getId(), othersCiphertext);

        assertThatThrownBy(() -> signingSecrets.keysFor(webhook.getId(), Instant.now()))
                .isInstanceOf(UndecryptableSecretException.class)
                .hasMessageContaining("copied from another row");
        Sale sale = sale(1);
        await().atMost(DELIVERED)
                .until(() -> deliveriesOf(sale).size() == 1
                        && deliveriesOf(sale).get(0).getLastError() != null);
        assertThat(deliveriesOf(sale).get(0).getLastError())
                .contains("unusable", "copied from another row")
                .doesNotContain(othersCiphertext);
        assertThat(deliveriesOf(sale).get(0).getState()).isNotEqualTo(DeliveryState.SUCCEEDED);
        assertThat(receiver.at(path)).isEmpty();
    }

    @Test
    void aGeneratedRotationReturnsTheNewSecretOnceAndItVerifies() {
        Webhook webhook = saveTrigger(receiver.url(path), SECRETS.getProperty("signing-secret-1"));

        String generated = signingSecrets.rotate(webhook.getId(), Duration.ZERO);

        receiver.requireSignatures(path, generated);
        Sale sale = sale(1);
        await().atMost(DELIVERED).until(() -> stateOf(sale) == DeliveryState.SUCCEEDED);
        assertThat(receiver.at(path).get(0).rejection()).isNull();
    }

    @Test
    void aWebhookWithSigningOffSendsNoSignature() {
        Config config = saleTrigger(receiver.url(path)).build();
        config.getWebhooks().get(0).setSigningEnabled(false);
        configs.save(config);

        Sale sale = sale(1);

        await().atMost(DELIVERED).until(() -> stateOf(sale) == DeliveryState.SUCCEEDED);
        assertThat(receiver.at(path).get(0).headers())
                .containsKeys("webhook-id", "webhook-timestamp")
                .doesNotContainKey("webhook-signature");
    }

    @Test
    void secretsAreStoredEncryptedAndBadOnesOrBadRotationsAreRefusedClearly() {
        String secret = SECRETS.getProperty("signing-secret-1");
        Webhook webhook = saveTrigger(receiver.url(path), secret);

        String stored = data.storedSigningSecret(webhook.getId());
        assertThat(stored)
                .startsWith(newKey().currentPrefix())
                .doesNotContain(secret)
                .doesNotContain(secret.substring(6));
        assertThatThrownBy(() -> new Webhook().useSigningSecret("whsec_tooshort"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("24 to 64");
        assertThatThrownBy(() -> signingSecrets.rotate(webhook.getId(), "plain-password", Duration.ZERO))
                .hasMessageContaining("whsec_")
                .hasMessageNotContaining("plain-password");
        assertThatThrownBy(() -> signingSecrets.rotate(webhook.getId(), Duration.ofDays(365)))
                .hasMessageContaining("grace period");
        assertThatThrownBy(() -> signingSecrets.rotate(Long.MAX_VALUE, Duration.ZERO))
                .hasMessageContaining("no webhook");
        assertThat(data.storedSigningSecret(webhook.getId())).isEqualTo(stored);
    }

    @Test
    void aTemplateWrittenStraightToTheDatabaseCannotRunCodeAndNothingIsSent() throws Exception {
        java.nio.file.Path marker =
                java.nio.file.Files.createTempDirectory("sandbox").resolve("pwned");
        String evil = "[[${T(org.actiontriggers.it.SandboxProbe).trip()}]]"
                + " [(${new java.io.File('" + marker + "').createNewFile()})]"
                + " [[${@environment.getProperty('x')}]] {{ customer.name.getClass }}";
        Config config = saleTrigger(receiver.url(path)).build();
        configs.save(config);
        int callsBefore = SandboxProbe.CALLS.get();
        try (Connection c = dataSource.getConnection();
                PreparedStatement payload =
                        c.prepareStatement("UPDATE action_triggers_config SET payload = ? WHERE id = ?");
                PreparedStatement revision = c.prepareStatement(
                        "UPDATE action_triggers_config_revision SET revision = revision + 1 WHERE id = 1")) {
            payload.setString(
                    1, Json.createObjectBuilder().add("v", evil).build().toString());
            payload.setLong(2, config.getId());
            assertThat(payload.executeUpdate()).isEqualTo(1);
            revision.executeUpdate();
        }
        await().atMost(DELIVERED)
                .until(() -> activeTriggers.matching("Sale", Signal.POST_SAVE).stream()
                        .anyMatch(t -> String.valueOf(t.payloadTemplate()).contains("SandboxProbe")));

        Sale sale = sale(1);

        await().atMost(DELIVERED).until(() -> stateOf(sale) == DeliveryState.FAILED);
        assertThat(deliveriesOf(sale).get(0).getLastError()).contains("template refused", "not allowed");
        assertThat(SandboxProbe.CALLS.get()).isEqualTo(callsBefore);
        assertThat(marker).doesNotExist();
        assertThat(receiver.at(path)).isEmpty();
    }

    @Test
    void aPayloadOverTheLimitIsRecordedAsFailedAndNotSent() {
        configs.save(trigger("Customer", Signal.POST_SAVE)
                .textPayload("{{ name }}".repeat(100))
                .webhook(receiver.url(path), HttpMethod.POST, Map.of(), 5.0)
                .build());

        Customer big = shop.addCustomer("x".repeat(200), "big@example.com");
        Customer small = shop.addCustomer("s", "small@example.com");

        await().atMost(DELIVERED).until(() -> receiver.at(path).size() == 1);
        assertThat(receiver.at(path).get(0).body()).isEqualTo("s".repeat(100));
        List<Delivery> refused = deliveries.byEntity("Customer", big.getId().toString());
        assertThat(refused).singleElement().satisfies(d -> {
            assertThat(d.getState()).isEqualTo(DeliveryState.FAILED);
            assertThat(d.getLastError()).contains("action-triggers.limits.max-payload-size");
            assertThat(d.getBody()).isNull();
        });
        assertThat(deliveries.byEntity("Customer", small.getId().toString()))
                .singleElement()
                .extracting(Delivery::getState)
                .isNotEqualTo(DeliveryState.FAILED);
    }

    @Test
    void tooManyWebhooksOrHeadersCannotBeSavedAndTheMessageSaysWhy() {
        TriggerBuilder sixWebhooks = saleTrigger(receiver.url(path)); // one webhook, and five more: the test limit is 5
        for (int i = 0; i < 5; i++) {
            sixWebhooks.webhook(receiver.url(path + "/" + i));
        }
        Config tooManyWebhooks = sixWebhooks.build();
        Map<String, String> headers = new HashMap<>();
        for (int i = 0; i < 9; i++) {
            headers.put("X-Header-" + i, "v");
        }
        Config tooManyHeaders = trigger("Sale", Signal.POST_SAVE)
                .webhook(receiver.url(path), HttpMethod.POST, headers, 5.0)
                .build();

        assertThatThrownBy(() -> configs.save(tooManyWebhooks))
                .satisfies(e -> assertThat(rootMessage(e)).contains("action-triggers.limits.max-webhooks-per-config"));
        assertThatThrownBy(() -> configs.save(tooManyHeaders))
                .satisfies(e -> assertThat(rootMessage(e)).contains("action-triggers.limits.max-headers"));
        assertThat(activeTriggers.matching("Sale", Signal.POST_SAVE)).isEmpty();
    }

    @Test
    void onlyTheConfiguredPrefixOfAResponseBodyIsKept() {
        saveTrigger(receiver.url(path), null);
        receiver.respondWithBody(path, 200, "é".repeat(2000));

        Sale sale = sale(1);

        await().atMost(DELIVERED).until(() -> stateOf(sale) == DeliveryState.SUCCEEDED);
        String kept = attemptsOf(deliveriesOf(sale).get(0)).get(0).getResponseBody();
        assertThat(kept.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(512);
        assertThat(kept).startsWith("éé").hasSizeGreaterThan(200);
    }

    /**
     * Every spelling of this machine's loopback that the allow list (127.0.0.1/32 only) does not cover is
     * refused before a connection is made. The trap listens on each loopback address these spellings lead to,
     * and only there: link-local, metadata and the machine's own network addresses are refused by the same
     * guard, which {@code DestinationGuardTest} checks without connecting anywhere.
     */
    @Test
    void ssrfTargetsInEveryNotationAreRefusedAndNoConnectionReachesThemWhileAllowListedLoopbackWorks()
            throws Exception {
        try (LoopbackTrap trap = LoopbackTrap.open()) {
            List<String> targets = List.of(
                    "2130706434", // 127.0.0.2 in decimal
                    "0177.0.0.2", // octal
                    "0x7f.0.0.2", // hex
                    "0x7f000002",
                    "127.2",
                    "[::ffff:127.0.0.2]", // IPv4-mapped IPv6
                    "[::ffff:7f00:2]",
                    "[::1]",
                    "127.0.0.2",
                    "localhost.",
                    "0.0.0.0", // reaches 127.0.0.1 on Linux
                    "[::]");
            Map<String, Long> configByTarget = new LinkedHashMap<>();
            for (String host : targets) {
                Config config = saleTrigger("http://" + host + ":" + trap.port() + "/ssrf/" + configByTarget.size())
                        .build();
                configs.save(config);
                configByTarget.put(host, config.getId());
            }
            configs.save(saleTrigger(receiver.url(path)).build());

            Sale sale = sale(1);

            await().atMost(DELIVERED)
                    .until(() -> deliveriesOf(sale).size() == targets.size() + 1
                            && deliveriesOf(sale).stream()
                                    .allMatch(d -> d.getState() == DeliveryState.FAILED
                                            || d.getState() == DeliveryState.SUCCEEDED));
            assertThat(receiver.at(path))
                    .as("the allow-listed loopback receiver")
                    .hasSize(1);
            for (Map.Entry<String, Long> target : configByTarget.entrySet()) {
                Delivery delivery = deliveriesOf(sale).stream()
                        .filter(d -> d.getConfigId() == target.getValue())
                        .findFirst()
                        .orElseThrow();
                assertThat(delivery.getState()).as(target.getKey()).isEqualTo(DeliveryState.FAILED);
                assertThat(delivery.getLastError()).as(target.getKey()).startsWith("destination refused: ");
            }
            assertThat(trap.connections())
                    .as("connections that reached the trap on " + trap.addresses())
                    .isZero();
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }

    @Test
    void aConfigWithAnInjectedTemplateIsRefusedWhenSavedAndNothingIsStored() {
        Config config = saleTrigger(receiver.url(path)).build();
        config.setTextPayload("Hi [[${T(org.actiontriggers.it.SandboxProbe).trip()}]]");

        assertThatThrownBy(() -> configs.save(config))
                .satisfies(e -> assertThat(rootMessage(e)).contains("refused", "not allowed"));
        assertThat(activeTriggers.matching("Sale", Signal.POST_SAVE)).isEmpty();
    }

    private Webhook saveTrigger(String url, String secret) {
        Config config = saleTrigger(url).build();
        Webhook webhook = config.getWebhooks().get(0);
        if (secret != null) {
            webhook.useSigningSecret(secret);
        }
        configs.save(config);
        return webhook;
    }

    /** A trigger on saved sales that sends the customer's name and the quantity to one webhook. */
    private static TriggerBuilder saleTrigger(String url) {
        return trigger("Sale", Signal.POST_SAVE)
                .payload(Json.createObjectBuilder()
                        .add("customer", "{{ customer.name }}")
                        .add("quantity", "{{ quantity }}")
                        .build())
                .webhook(url, HttpMethod.POST, Map.of(), 5.0);
    }

    private DeliveryState stateOf(Sale sale) {
        List<Delivery> all = deliveriesOf(sale);
        return all.size() == 1 ? all.get(0).getState() : null;
    }

    private void storeSigningSecret(long webhookId, String stored) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("UPDATE " + WEBHOOKS + " SET signing_secret = ? WHERE id = ?")) {
            ps.setString(1, stored);
            ps.setLong(2, webhookId);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
    }

    /** The key of the other test deployments, listed as a previous key here. */
    private static SecretCipher oldKey() {
        return SecretCipher.fromBase64(SECRETS.getProperty("secret-encryption-key"));
    }

    /** This deployment's current key. */
    private static SecretCipher newKey() {
        return SecretCipher.fromBase64(SECRETS.getProperty("secret-encryption-key-2"));
    }

    private static Properties secrets() {
        Properties secrets = new Properties();
        try (InputStream in = DeliverySecurityIT.class.getResourceAsStream("/it-secrets.properties")) {
            secrets.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return secrets;
    }
}
