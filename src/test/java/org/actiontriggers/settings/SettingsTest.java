package org.actiontriggers.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SettingsTest {

    private static Settings withPatterns(String... regexes) {
        return TestSettings.settings()
                .endpointPatterns(regexes)
                .retrySchedule(Duration.ZERO, Duration.ofSeconds(5), Duration.ofMinutes(5))
                .build();
    }

    private final Settings settings = withPatterns("https://example\\.com/hook", "http://localhost:\\d+/.*");

    @Test
    void endpointMatchingTheWholePatternIsWhitelisted() {
        assertThat(settings.isWhitelistedEndpoint("https://example.com/hook")).isTrue();
        assertThat(settings.isWhitelistedEndpoint("http://localhost:8080/demo/receive"))
                .isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://example.com/hook/extra",
                "https://evil.com/?https://example.com/hook",
                "https://example.com/hook?x=1",
                "xhttps://example.com/hook",
                "https://exampleXcom/hook",
                "http://localhost/demo",
                "ftp://example.com/hook",
                "ftp://localhost:21/x",
                "https:///hook",
                "not a url",
                ""
            })
    void endpointNotFullyMatchedOrNotHttpIsRefused(String url) {
        assertThat(settings.isWhitelistedEndpoint(url)).isFalse();
    }

    @Test
    void nullEndpointIsRefused() {
        assertThat(settings.isWhitelistedEndpoint(null)).isFalse();
    }

    @Test
    void nonHttpSchemeIsRefusedEvenWhenAPatternMatches() {
        Settings permissive = withPatterns(".*");

        assertThat(permissive.isWhitelistedEndpoint("https://anything.example/x"))
                .isTrue();
        assertThat(permissive.isWhitelistedEndpoint("ftp://anything.example/x")).isFalse();
        assertThat(permissive.isWhitelistedEndpoint("file:///etc/passwd")).isFalse();
    }

    @Test
    void noPatternsRefuseEveryEndpoint() {
        assertThat(withPatterns().isWhitelistedEndpoint("https://example.com/hook"))
                .isFalse();
    }

    @Test
    void effectiveTimeoutIsTheSmallerOfOwnAndMax() {
        assertThat(settings.effectiveTimeout(2.5)).isEqualTo(Duration.ofMillis(2500));
        assertThat(settings.effectiveTimeout(30.0)).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.effectiveTimeout(120.0)).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.effectiveTimeout(null)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void delayAfterFailedRoundsFollowsTheScheduleThenRunsOut() {
        assertThat(settings.delayAfterFailedRounds(0)).contains(Duration.ZERO);
        assertThat(settings.delayAfterFailedRounds(1)).contains(Duration.ofSeconds(5));
        assertThat(settings.delayAfterFailedRounds(2)).contains(Duration.ofMinutes(5));
        assertThat(settings.delayAfterFailedRounds(3)).isEmpty();
        assertThat(settings.delayAfterFailedRounds(50)).isEmpty();
    }

    @Test
    void contentTypesAndDynamicPathsAreExactNames() {
        assertThat(settings.isWhitelistedContentType("Sale")).isTrue();
        assertThat(settings.isWhitelistedContentType("sale")).isFalse();
        assertThat(settings.isAllowedDynamicImportPath("org.example.Secrets.token"))
                .isTrue();
        assertThat(settings.isAllowedDynamicImportPath("org.example.Secrets")).isFalse();
    }
}
