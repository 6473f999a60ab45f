package org.actiontriggers.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class HttpMethodTest {

    @ParameterizedTest
    @EnumSource(HttpMethod.class)
    void parsesAnyCase(HttpMethod method) {
        assertThat(HttpMethod.parse(method.name())).isSameAs(method);
        assertThat(HttpMethod.parse(method.name().toLowerCase(Locale.ROOT))).isSameAs(method);
        assertThat(HttpMethod.parse(" " + method.name().toLowerCase(Locale.ROOT) + " "))
                .isSameAs(method);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"HEAD", "OPTIONS", "TRACE", "post_save"})
    void rejectsUnknownMethodsListingTheAcceptedOnes(String text) {
        assertThatThrownBy(() -> HttpMethod.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + text + "'")
                .hasMessageContaining("GET, POST, PUT, PATCH, DELETE");
    }
}
