package org.actiontriggers.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.actiontriggers.record.PayloadTemplateChecker;
import org.actiontriggers.settings.BrokerCatalog;
import org.actiontriggers.settings.Settings;
import org.actiontriggers.settings.TestSettings;
import org.actiontriggers.settings.TriggerSettings;
import org.actiontriggers.trigger.ConfigDraft;
import org.actiontriggers.trigger.ConfigValidator;
import org.actiontriggers.trigger.InvalidConfigException;
import org.actiontriggers.trigger.Violation;
import org.junit.jupiter.api.Test;

/**
 * Thousands of generated request bodies through the admin API's reading and checking — JSON reading, the
 * document's shape, the validators of configs and templates: each is accepted, or refused with a 4xx problem
 * or violations whose pointers are JSON pointers; nothing else may escape (it would be a 500). The
 * integration test {@code AdminApiIT} sends the same bodies to a real server and checks nothing half-saves.
 */
class AdminDocumentPropertyTest {

    private static final Settings SETTINGS = TestSettings.settings()
            .contentTypes("Sale", "Customer")
            .endpointPatterns("http://127\\.0\\.0\\.1:\\d+/hooks/.*")
            .maxWebhookTimeout(Duration.ofSeconds(30))
            .maxRequestBytes(64 * 1024)
            .build();

    private final JsonBodies bodies = new JsonBodies();
    private final ConfigValidator validator = new ConfigValidator(
            SETTINGS, Set.of("Sale", "Customer", "Product"), new PayloadTemplateChecker(), BrokerCatalog.NONE);

    AdminDocumentPropertyTest() {
        bodies.settings = new TriggerSettings() {
            @Override
            public Settings current() {
                return SETTINGS;
            }
        };
    }

    /** 3,000 generated bodies, the same on every run: a failure names its seed, which makes its body again. */
    @Test
    void everyGeneratedBodyIsAcceptedOrRefusedWithA4xx() {
        for (long seed = 0; seed < 3_000; seed++) {
            checkBody(seed, new DocumentFuzzer(seed).next());
        }
    }

    private void checkBody(long seed, String body) {
        try {
            JsonValue document = bodies.read(stream(body));
            ConfigDraft draft = ConfigDocuments.draftOf(document, null);
            List<Violation> violations = validator.validate(draft);
            violations.forEach(AdminDocumentPropertyTest::assertPointer);
        } catch (ProblemException refused) {
            assertThat(refused.problem().status()).as("seed " + seed).isBetween(400, 499);
        } catch (InvalidConfigException refused) {
            assertThat(refused.violations()).isNotEmpty().allSatisfy(AdminDocumentPropertyTest::assertPointer);
        } catch (RuntimeException | StackOverflowError e) {
            fail("seed " + seed + " escaped as " + e + " for the body: " + abbreviated(body), e);
        }
    }

    /** 1,000 texts of random characters (below U+D800), some empty, most short: JSON, or a 400. */
    @Test
    void anyTextIsJsonOrA400() {
        Random random = new Random(18_009);
        for (int n = 0; n < 1_000; n++) {
            int length = random.nextInt(4) == 0 ? random.nextInt(3) : random.nextInt(200);
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < length; i++) {
                text.append((char) (random.nextBoolean() ? 32 + random.nextInt(95) : random.nextInt(0xD800)));
            }
            try {
                bodies.read(stream(text.toString()));
            } catch (ProblemException refused) {
                assertThat(refused.problem().status())
                        .as("text %d: %s", n, text)
                        .isIn(400, 413);
            }
        }
    }

    @Test
    void aDocumentNestedThousandsOfLevelsDeepIsA400NamingTheLimit() {
        String deep = "{\"payload\":".repeat(5_000) + "1" + "}".repeat(5_000);
        try {
            bodies.read(stream(deep));
            fail("accepted");
        } catch (ProblemException refused) {
            assertThat(refused.problem().status()).isEqualTo(400);
            assertThat(refused.problem().detail()).contains("deeper than " + JsonBodies.MAX_DEPTH);
        }
    }

    @Test
    void aDocumentAtTheDepthLimitIsRead() {
        String atLimit = "[".repeat(JsonBodies.MAX_DEPTH) + "]".repeat(JsonBodies.MAX_DEPTH);
        assertThat(bodies.read(stream(atLimit))).isNotNull();
    }

    private static void assertPointer(Violation violation) {
        assertThat(violation.pointer()).matches("(/[^/]*)*");
        assertThat(violation.reason()).isNotBlank();
    }

    private static ByteArrayInputStream stream(String body) {
        return new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8));
    }

    private static String abbreviated(String body) {
        return body.length() > 400 ? body.substring(0, 400) + "…" : body;
    }
}
