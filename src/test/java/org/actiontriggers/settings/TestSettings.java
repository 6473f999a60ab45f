package org.actiontriggers.settings;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.actiontriggers.secret.SecretCipher;

/**
 * Settings for unit tests: the defaults a test does not care about, and a setter for each value tests vary,
 * so that a new {@link Settings} component touches this class only.
 */
public final class TestSettings {

    private Set<String> contentTypes = Set.of("Sale");
    private List<String> endpointPatterns = List.of();
    private Set<String> dynamicPaths = Set.of("org.example.Secrets.token");
    private Duration maxWebhookTimeout = Duration.ofSeconds(30);
    private List<Duration> retrySchedule = List.of(Duration.ZERO);
    private Limits limits = Limits.DEFAULTS;
    private long maxRequestBytes = 1_048_576L;
    private Map<String, BrokerDefinition> brokers = Map.of();
    private Duration maxBrokerTimeout = Duration.ofSeconds(30);

    private TestSettings() {}

    public static TestSettings settings() {
        return new TestSettings();
    }

    public TestSettings contentTypes(String... names) {
        contentTypes = Set.of(names);
        return this;
    }

    public TestSettings endpointPatterns(String... regexes) {
        endpointPatterns = List.of(regexes);
        return this;
    }

    public TestSettings dynamicPaths(String... paths) {
        dynamicPaths = Set.of(paths);
        return this;
    }

    public TestSettings maxWebhookTimeout(Duration timeout) {
        maxWebhookTimeout = timeout;
        return this;
    }

    public TestSettings retrySchedule(Duration... delays) {
        retrySchedule = List.of(delays);
        return this;
    }

    public TestSettings limits(Limits value) {
        limits = value;
        return this;
    }

    private PolicySettings policy = PolicySettings.DEFAULTS;

    public TestSettings maxRequestBytes(long bytes) {
        maxRequestBytes = bytes;
        return this;
    }

    public TestSettings brokers(Map<String, BrokerDefinition> definitions) {
        brokers = definitions;
        return this;
    }

    public TestSettings maxBrokerTimeout(Duration timeout) {
        maxBrokerTimeout = timeout;
        return this;
    }

    public TestSettings policy(PolicySettings settings) {
        policy = settings;
        return this;
    }

    public Settings build() {
        return new Settings(
                contentTypes,
                endpointPatterns.stream().map(Pattern::compile).toList(),
                dynamicPaths,
                maxWebhookTimeout,
                retrySchedule,
                Duration.ofSeconds(1),
                Duration.ofMinutes(5),
                16,
                Duration.ofSeconds(1),
                SecretCipher.fromBase64("uXWHj5EQ51oR4OVitlyhSwAAovmCbauIhNtJjHy/HjU="),
                limits,
                Duration.ofDays(30),
                Duration.ofHours(1),
                List.of(),
                maxRequestBytes,
                brokers,
                maxBrokerTimeout,
                policy,
                QuickRetries.DEFAULTS);
    }
}
