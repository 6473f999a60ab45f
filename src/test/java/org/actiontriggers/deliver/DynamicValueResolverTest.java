package org.actiontriggers.deliver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.actiontriggers.settings.Settings;
import org.actiontriggers.settings.TestSettings;
import org.actiontriggers.settings.TriggerSettings;
import org.junit.jupiter.api.Test;

class DynamicValueResolverTest {

    private static final String TOKEN = "org.actiontriggers.deliver.DynamicValueResolverTest.token";
    private static final String TRICKY = "org.actiontriggers.deliver.DynamicValueResolverTest.tricky";

    public static String token() {
        return "s3cret";
    }

    public static final String tricky = "a$1\\b";

    private final DynamicValueResolver resolver = resolver(TOKEN, TRICKY);

    private static DynamicValueResolver resolver(String... allowed) {
        Settings settings = TestSettings.settings().dynamicPaths(allowed).build();
        DynamicValueResolver resolver = new DynamicValueResolver();
        resolver.settings = new TriggerSettings() {
            @Override
            public Settings current() {
                return settings;
            }
        };
        return resolver;
    }

    @Test
    void referencesAreReplacedByTheirValueInAnySpacing() throws DynamicValueException {
        assertThat(resolver.resolve("Bearer {{ " + TOKEN + " }}")).isEqualTo("Bearer s3cret");
        assertThat(resolver.resolve("{{" + TOKEN + "}}")).isEqualTo("s3cret");
        assertThat(resolver.resolve("{{\n\t" + TOKEN + " \r\n}}")).isEqualTo("s3cret");
        assertThat(resolver.resolve("{{ " + TOKEN + " }}:{{ " + TOKEN + " }}")).isEqualTo("s3cret:s3cret");
    }

    @Test
    void aValueIsInsertedAsItIsEvenWithDollarsAndBackslashes() throws DynamicValueException {
        assertThat(resolver.resolve("x {{ " + TRICKY + " }} y")).isEqualTo("x a$1\\b y");
    }

    @Test
    void textWithoutAMemberPathReferenceStaysAsWritten() throws DynamicValueException {
        assertThat(resolver.resolve(null)).isNull();
        assertThat(resolver.resolve("plain")).isEqualTo("plain");
        assertThat(resolver.resolve("{{ quantity }}")).isEqualTo("{{ quantity }}");
        assertThat(resolver.resolve("{{ not a path }} {{ " + TOKEN + " }}")).isEqualTo("{{ not a path }} s3cret");
        assertThat(resolver.resolve("{{ " + TOKEN + " }}}")).isEqualTo("s3cret}");
        assertThat(resolver.resolve("{{ " + TOKEN)).isEqualTo("{{ " + TOKEN);
    }

    @Test
    void aPathThatIsNotAllowedIsRefusedForGood() {
        assertThatThrownBy(() -> resolver(TRICKY).resolve("{{ " + TOKEN + " }}"))
                .isInstanceOf(DynamicValueException.class)
                .hasMessage("dynamic path '" + TOKEN + "' is not in " + Settings.ALLOWED_DYNAMIC_IMPORT_PATHS);
    }

    @Test
    void headersKeepTheirNamesAndOrder() throws DynamicValueException {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer {{ " + TOKEN + " }}");
        headers.put("X-Plain", "plain");

        assertThat(resolver.resolveHeaders(headers))
                .containsExactly(Map.entry("Authorization", "Bearer s3cret"), Map.entry("X-Plain", "plain"));
    }
}
