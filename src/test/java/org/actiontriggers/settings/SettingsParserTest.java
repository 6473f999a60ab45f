package org.actiontriggers.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SettingsParserTest {

    private static final Set<String> ENTITIES = Set.of("Sale", "Customer", "Product");

    private static final String KEY = "uXWHj5EQ51oR4OVitlyhSwAAovmCbauIhNtJjHy/HjU=";

    private final Map<String, String> raw = new HashMap<>(Map.of(
            Settings.WHITELISTED_CONTENT_TYPES, "Sale, Customer",
            Settings.WHITELISTED_WEBHOOK_ENDPOINT_PATTERNS, "https://example\\.com/hook, http://localhost:\\d+/.*",
            Settings.ALLOWED_DYNAMIC_IMPORT_PATHS, "org.actiontriggers.demo.DemoSecrets.token",
            Settings.MAX_WEBHOOK_TIMEOUT, "10s",
            Settings.RETRY_SCHEDULE, "0s, 5s, 5m",
            Settings.SWEEP_INTERVAL, "500ms",
            Settings.LEASE, "2m",
            Settings.MAX_CONCURRENT_SENDS, "8",
            Settings.CONFIG_REFRESH_INTERVAL, "2s",
            Settings.SECRET_ENCRYPTION_KEY, KEY));

    private SettingsParser parser() {
        return new SettingsParser(key -> Optional.ofNullable(raw.get(key)), ENTITIES, Set.of(), BrokerCatalog.NONE);
    }

    private List<String> problemsOf(SettingsParser parser) {
        Throwable thrown = catchThrowable(parser::parse);
        assertThat(thrown).isInstanceOf(InvalidSettingsException.class);
        return ((InvalidSettingsException) thrown).problems();
    }

    @Test
    void parsesValidFullSettings() {
        raw.put(Settings.RETENTION, "7d");
        raw.put(Settings.RETENTION_CLEANUP_INTERVAL, "10m");
        SettingsParser parser = parser();

        Settings settings = parser.parse();

        assertThat(settings.whitelistedContentTypes()).containsExactlyInAnyOrder("Sale", "Customer");
        assertThat(settings.whitelistedWebhookEndpointPatterns())
                .extracting(Pattern::pattern)
                .containsExactly("https://example\\.com/hook", "http://localhost:\\d+/.*");
        assertThat(settings.allowedDynamicImportPaths()).containsExactly("org.actiontriggers.demo.DemoSecrets.token");
        assertThat(settings.maxWebhookTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.retrySchedule())
                .containsExactly(Duration.ZERO, Duration.ofSeconds(5), Duration.ofMinutes(5));
        assertThat(settings.sweepInterval()).isEqualTo(Duration.ofMillis(500));
        assertThat(settings.lease()).isEqualTo(Duration.ofMinutes(2));
        assertThat(settings.maxConcurrentSends()).isEqualTo(8);
        assertThat(settings.configRefreshInterval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.retention()).isEqualTo(Duration.ofDays(7));
        assertThat(settings.retentionCleanupInterval()).isEqualTo(Duration.ofMinutes(10));
        assertThat(parser.warnings()).isEmpty();
    }

    @Test
    void unsetSettingsTakeTheirDefaults() {
        raw.clear();
        raw.put(Settings.SECRET_ENCRYPTION_KEY, KEY);

        Settings settings = parser().parse();

        assertThat(settings.maxWebhookTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.retrySchedule())
                .containsExactly(
                        Duration.ZERO,
                        Duration.ofSeconds(5),
                        Duration.ofMinutes(5),
                        Duration.ofMinutes(30),
                        Duration.ofHours(2),
                        Duration.ofHours(5),
                        Duration.ofHours(10),
                        Duration.ofHours(10));
        assertThat(settings.sweepInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(settings.lease()).isEqualTo(Duration.ofMinutes(5));
        assertThat(settings.maxConcurrentSends()).isEqualTo(16);
        assertThat(settings.configRefreshInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(settings.limits()).isEqualTo(Limits.DEFAULTS);
        assertThat(settings.retention()).isEqualTo(Duration.ofDays(30));
        assertThat(settings.retentionCleanupInterval()).isEqualTo(Duration.ofHours(1));
        assertThat(settings.allowedPrivateNetworks()).isEmpty();
        assertThat(settings.maxWebhooksPerConfig()).isEqualTo(10);
        assertThat(settings.maxRequestBytes()).isEqualTo(1_048_576);
    }

    @ParameterizedTest(name = "{0} = {1} bytes")
    @CsvSource({"65536, 65536", "64KiB, 65536", "64 kib, 65536", "2MiB, 2097152", "100B, 100"})
    void requestSizeIsReadInBytesKibibytesOrMebibytes(String written, long bytes) {
        raw.put(Settings.MAX_REQUEST_SIZE, written);

        assertThat(parser().parse().maxRequestBytes()).isEqualTo(bytes);
    }

    @Test
    void quickRetriesDefaultToTwoAndCanBeTurnedOff() {
        assertThat(parser().parse().quickRetries()).isEqualTo(new QuickRetries(2, Duration.ofMillis(200)));

        raw.put(QuickRetries.RETRIES, "0");
        raw.put(QuickRetries.DELAY, "50ms");
        assertThat(parser().parse().quickRetries()).isEqualTo(new QuickRetries(0, Duration.ofMillis(50)));
    }

    @Test
    void quickRetriesOutOfRangeAreRefusedNamingTheSetting() {
        raw.put(QuickRetries.RETRIES, "6");
        raw.put(QuickRetries.DELAY, "10s");

        assertThat(problemsOf(parser()))
                .anySatisfy(p -> assertThat(p).startsWith(QuickRetries.RETRIES + ": '6'"))
                .anySatisfy(p -> assertThat(p).startsWith(QuickRetries.DELAY + " (PT10S) must not be longer"));
    }

    @Test
    void allowedPrivateNetworksAreCidrBlocks() {
        raw.put(Settings.ALLOWED_PRIVATE_NETWORKS, "127.0.0.0/8, ::1/128, 10.1.2.3");

        assertThat(parser().parse().allowedPrivateNetworks())
                .extracting(Subnet::toString)
                .containsExactly("127.0.0.0/8", "0:0:0:0:0:0:0:1/128", "10.1.2.3/32");
    }

    @Test
    void limitsAcceptSizesWithUnits() {
        raw.put(Settings.MAX_PAYLOAD_SIZE, "1MiB");
        raw.put(Settings.MAX_HEADER_SIZE, "2KiB");
        raw.put(Settings.MAX_RESPONSE_BODY, "512B");
        raw.put(Settings.MAX_HEADERS, "5");
        raw.put(Settings.MAX_WEBHOOKS_PER_CONFIG, "2");

        assertThat(parser().parse().limits()).isEqualTo(new Limits(1024 * 1024, 5, 2048, 512, 2));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "action-triggers.whitelisted-webhook-endpoint-patterns | https://example\\.com/(hook",
                "action-triggers.whitelisted-content-types             | Sale, Invoice",
                "action-triggers.allowed-dynamic-import-paths          | DemoSecrets",
                "action-triggers.allowed-dynamic-import-paths          | org.example.Secrets.token()",
                "action-triggers.allowed-dynamic-import-paths          | org..Secrets.token",
                "action-triggers.max-webhook-timeout                   | ten seconds",
                "action-triggers.max-webhook-timeout                   | 0s",
                "action-triggers.retry-schedule                        | 0s, soon, 5m",
                "action-triggers.retry-schedule                        | ' , '",
                "action-triggers.dispatch.sweep-interval               | 0",
                "action-triggers.dispatch.sweep-interval               | -1s",
                "action-triggers.dispatch.lease                        | 39s",
                "action-triggers.dispatch.max-concurrent-sends         | 0",
                "action-triggers.dispatch.max-concurrent-sends         | -3",
                "action-triggers.dispatch.max-concurrent-sends         | many",
                "action-triggers.config-refresh-interval               | 0ms",
                "action-triggers.secret-encryption-key                 | ' '",
                "action-triggers.limits.max-payload-size               | big",
                "action-triggers.allowed-private-networks              | localhost",
                "action-triggers.allowed-private-networks              | 10.0.0.0/40",
                "action-triggers.limits.max-payload-size               | 0",
                "action-triggers.limits.max-payload-size               | 4GiB",
                "action-triggers.limits.max-header-size                | 2MiB",
                "action-triggers.limits.max-response-body              | 8KiB",
                "action-triggers.limits.max-headers                    | 0",
                "action-triggers.limits.max-webhooks-per-config        | -1",
                "action-triggers.secret-encryption-key                 | not base64!",
                "action-triggers.secret-encryption-key                 | c2hvcnQ=",
                "action-triggers.retention                             | 0d",
                "action-triggers.retention                             | a month",
                "action-triggers.retention.cleanup-interval            | 0s",
                "action-triggers.retention.cleanup-interval            | hourly",
                "action-triggers.api.max-request-size                  | 0",
                "action-triggers.api.max-request-size                  | 4096MiB",
                "action-triggers.api.max-request-size                  | -5KiB",
                "action-triggers.breaker.failure-threshold             | 0",
                "action-triggers.breaker.failure-threshold             | many",
                "action-triggers.breaker.probe-interval                | 0s",
                "action-triggers.breaker.max-probe-interval            | 1s",
                "action-triggers.disable-after                         | 0d",
                "action-triggers.disable-after                         | a week",
                "action-triggers.alerts.signing-secret                 | whsec_short",
            })
    void malformedSettingIsReportedUnderItsKey(String key, String value) {
        raw.put(key, value);

        List<String> problems = problemsOf(parser());

        assertThat(problems).hasSize(1);
        assertThat(problems.get(0)).contains(key);
    }

    @Test
    void thePolicyHasItsDefaultsAndTheAlertsTheirSecret() {
        Settings defaults = parser().parse();
        assertThat(defaults.policy()).isEqualTo(PolicySettings.DEFAULTS);
        assertThat(defaults.policy().alerts()).isFalse();

        raw.put(PolicySettings.FAILURE_THRESHOLD, "3");
        raw.put(PolicySettings.DISABLE_AFTER, "2d");
        raw.put(PolicySettings.ALERTS_URL, "https://ops.example.com/alerts");
        assertThat(problemsOf(parser()))
                .singleElement()
                .asString()
                .contains(PolicySettings.ALERTS_SIGNING_SECRET, "is not set");

        String secret = "whsec_SzXzLXkwcO4nOLH+PFjDUhoH+Bq9Bq8oaSdFj0TfdZY=";
        raw.put(PolicySettings.ALERTS_SIGNING_SECRET, secret);
        PolicySettings policy = parser().parse().policy();
        assertThat(policy.failureThreshold()).isEqualTo(3);
        assertThat(policy.disableAfter()).isEqualTo(Duration.ofDays(2));
        assertThat(policy.alertsUrl()).isEqualTo("https://ops.example.com/alerts");
        assertThat(policy.alertsSecret().text()).isEqualTo(secret);
        assertThat(policy.toString()).doesNotContain(secret.substring(6));

        raw.put(PolicySettings.ALERTS_URL, "ops.example.com/alerts");
        assertThat(problemsOf(parser())).singleElement().asString().contains(PolicySettings.ALERTS_URL);
    }

    @Test
    void unknownEntityNameIsNamedWithTheKnownOnes() {
        raw.put(Settings.WHITELISTED_CONTENT_TYPES, "Sale, Invoice");

        assertThat(problemsOf(parser()))
                .singleElement()
                .asString()
                .contains(Settings.WHITELISTED_CONTENT_TYPES, "'Invoice'", "Customer, Product, Sale");
    }

    @Test
    void leaseMustBeAtLeastFourTimesTheMaxTimeout() {
        raw.put(Settings.MAX_WEBHOOK_TIMEOUT, "30s");
        raw.put(Settings.LEASE, "2m");
        assertThat(parser().parse().lease()).isEqualTo(Duration.ofMinutes(2));

        raw.put(Settings.LEASE, "119s");
        assertThat(problemsOf(parser()))
                .singleElement()
                .asString()
                .contains(Settings.LEASE, Settings.MAX_WEBHOOK_TIMEOUT);
    }

    @Test
    void leaseMustOutlastARoundWithAllItsQuickRetries() {
        raw.put(Settings.MAX_WEBHOOK_TIMEOUT, "30s");
        raw.put(Settings.LEASE, "2m");
        raw.put(QuickRetries.RETRIES, "3");
        // 4 tries of 30 s and 3 pauses of up to 300 ms: 120.9 s, longer than the lease
        assertThat(problemsOf(parser()))
                .singleElement()
                .asString()
                .contains(Settings.LEASE, QuickRetries.RETRIES, Settings.MAX_WEBHOOK_TIMEOUT, "PT2M0.9S");

        raw.put(QuickRetries.RETRIES, "2");
        assertThat(parser().parse().lease()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void emptyRetryScheduleIsRejected() {
        raw.put(Settings.RETRY_SCHEDULE, "");

        assertThat(problemsOf(parser())).singleElement().asString().contains(Settings.RETRY_SCHEDULE);
    }

    @Test
    void reportsSeveralProblemsTogether() {
        raw.put(Settings.WHITELISTED_WEBHOOK_ENDPOINT_PATTERNS, "(");
        raw.put(Settings.WHITELISTED_CONTENT_TYPES, "Nope");
        raw.put(Settings.MAX_CONCURRENT_SENDS, "0");
        raw.put(Settings.SWEEP_INTERVAL, "fast");

        List<String> problems = problemsOf(parser());

        assertThat(problems).hasSize(4);
        assertThat(String.join("\n", problems))
                .contains(
                        Settings.WHITELISTED_WEBHOOK_ENDPOINT_PATTERNS,
                        Settings.WHITELISTED_CONTENT_TYPES,
                        Settings.MAX_CONCURRENT_SENDS,
                        Settings.SWEEP_INTERVAL);
    }

    @Test
    void emptyWhitelistsAreWarnedAboutNotRejected() {
        raw.remove(Settings.WHITELISTED_CONTENT_TYPES);
        raw.put(Settings.WHITELISTED_WEBHOOK_ENDPOINT_PATTERNS, " , ");
        SettingsParser parser = parser();

        Settings settings = parser.parse();

        assertThat(settings.whitelistedContentTypes()).isEmpty();
        assertThat(settings.whitelistedWebhookEndpointPatterns()).isEmpty();
        assertThat(parser.warnings())
                .hasSize(2)
                .anySatisfy(w -> assertThat(w).contains(Settings.WHITELISTED_CONTENT_TYPES))
                .anySatisfy(w -> assertThat(w).contains(Settings.WHITELISTED_WEBHOOK_ENDPOINT_PATTERNS));
    }

    @Test
    void escapedCommaStaysInsideAListItem() {
        assertThat(SettingsParser.splitList("a\\,b, c ,,d")).containsExactly("a,b", "c", "d");
        assertThat(SettingsParser.splitList("")).isEmpty();
    }

    @Test
    void escapedCommaWorksInAnEndpointPattern() {
        raw.put(Settings.WHITELISTED_WEBHOOK_ENDPOINT_PATTERNS, "https://example\\.com/h{1\\,3}ook");

        Settings settings = parser().parse();

        assertThat(settings.isWhitelistedEndpoint("https://example.com/hhhook")).isTrue();
        assertThat(settings.isWhitelistedEndpoint("https://example.com/hhhhook"))
                .isFalse();
    }

    @Test
    void invalidSettingsExceptionCopiesItsProblems() {
        List<String> problems = new ArrayList<>(List.of("one", "two"));
        InvalidSettingsException e = new InvalidSettingsException(problems);
        problems.add("three");

        assertThat(e.problems()).containsExactly("one", "two");
        assertThat(e.getMessage()).contains("\n  - one\n  - two");
        assertThatThrownBy(() -> e.problems().add("four")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aMissingEncryptionKeyStopsStartUpSayingHowToMakeOne() {
        raw.remove(Settings.SECRET_ENCRYPTION_KEY);

        List<String> problems = problemsOf(parser());

        assertThat(problems).singleElement().asString().contains(Settings.SECRET_ENCRYPTION_KEY, "openssl rand");
    }

    @Test
    void aWrongEncryptionKeyIsNotRepeatedInTheMessage() {
        String wrong = "dGhpcyBrZXkgaXMgdG9vIHNob3J0";
        raw.put(Settings.SECRET_ENCRYPTION_KEY, wrong);

        List<String> problems = problemsOf(parser());

        assertThat(problems).singleElement().asString().doesNotContain(wrong);
    }

    @Test
    void theParsedSettingsDoNotShowTheEncryptionKey() {
        assertThat(parser().parse().toString()).doesNotContain(KEY);
    }
}
