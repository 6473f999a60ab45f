package org.actiontriggers.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HeaderRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"Authorization", "Content-Type", "User-Agent", "X-Api-Key", "Accept", "Cookie"})
    void ordinaryHeadersMayBeConfigured(String name) {
        assertThat(HeaderRules.nameProblem(name)).isEmpty();
        assertThat(HeaderRules.isSetBySender(name)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Bad Header", "X:Y", "Ünicode", "X\r\nInjected"})
    void namesHttpDoesNotAllowAreRefused(String name) {
        assertThat(HeaderRules.nameProblem(name)).hasValue("'" + name + "' is not a valid HTTP header name");
    }

    @Test
    void aNullNameIsRefused() {
        assertThat(HeaderRules.nameProblem(null)).hasValue("'null' is not a valid HTTP header name");
    }

    @Test
    void theSenderDropsFourteenNamesWhateverTheirCase() {
        assertThat(HeaderRules.setBySender()).hasSize(14).allMatch(HeaderRules::isSetBySender);
        assertThat(HeaderRules.isSetBySender("PROXY-AUTHORIZATION")).isTrue();
        assertThat(HeaderRules.nameProblem("Te"))
                .hasValueSatisfying(p -> assertThat(p)
                        .isEqualTo(
                                "'Te' cannot be configured: it describes the connection, which the HTTP client manages,"
                                        + " so the sender would drop it"));
    }

    @Test
    void aSecondSpellingOfOneNameIsTheSameHeader() {
        assertThat(HeaderRules.duplicateProblem("x-a", List.of("X-B", "X-A")))
                .hasValue("is the same header as 'X-A' (header names ignore case)");
        assertThat(HeaderRules.duplicateProblem("X-A", List.of("X-A"))).hasValue("is given twice");
        assertThat(HeaderRules.duplicateProblem("X-C", List.of("X-A", "X-B"))).isEmpty();
    }

    @Test
    void valuesMayHoldTabsAndNonAsciiButNoControlCharacter() {
        assertThat(HeaderRules.valueProblem("a\tb ü")).isEmpty();
        assertThat(HeaderRules.valueProblem("a\u0085b")).isEmpty();
        assertThat(HeaderRules.valueProblem("a\nb"))
                .hasValue("must not contain line breaks or other control characters");
        assertThat(HeaderRules.valueProblem(null)).hasValue("must be a string");
    }
}
