package org.actiontriggers.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.actiontriggers.template.References.Reference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReferencesTest {

    private static Reference only(String text) {
        List<Reference> found = References.in(text);
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    @Test
    void aReferenceIsFoundWithWhereItIsAndWhatItHolds() {
        Reference r = only("Bearer {{ com.example.Secrets.token }}!");

        assertThat(r.start()).isEqualTo(7);
        assertThat(r.end()).isEqualTo(38);
        assertThat(r.text()).isEqualTo("{{ com.example.Secrets.token }}");
        assertThat(r.inside()).isEqualTo(" com.example.Secrets.token ");
        assertThat(r.memberPath()).hasValue("com.example.Secrets.token");
        assertThat(r.path()).hasValue("com.example.Secrets.token");
    }

    @Test
    void spacesTabsAndLineBreaksAroundAPathAreAllowedAndNoneAreNeeded() {
        assertThat(only("{{a.b}}").path()).hasValue("a.b");
        assertThat(only("{{ \t\n a.b \r\n}}").path()).hasValue("a.b");
    }

    @Test
    void aReferenceEndsAtTheFirstClosingBraces() {
        assertThat(only("{{ a.b }}}").text()).isEqualTo("{{ a.b }}");
        assertThat(References.in("{{ a.b }}{{ c }} and {{ d.e }}"))
                .extracting(Reference::text)
                .containsExactly("{{ a.b }}", "{{ c }}", "{{ d.e }}");
    }

    @Test
    void aThirdOpeningBraceBelongsToWhatTheReferenceHolds() {
        Reference r = only("{{{ a.b }}");

        assertThat(r.start()).isZero();
        assertThat(r.inside()).isEqualTo("{ a.b ");
        assertThat(r.path()).isEmpty();
        assertThat(r.memberPath()).isEmpty();
    }

    @Test
    void unclosedBracesAreNoReference() {
        assertThat(References.in("{{ a.b } }")).isEmpty();
        assertThat(References.in("{ {a.b}}")).isEmpty();
        assertThat(References.in(null)).isEmpty();
        assertThat(References.in("")).isEmpty();
    }

    @ParameterizedTest(name = "''{0}''")
    @CsvSource(
            delimiter = ';',
            value = {
                "{{ quantity }} ; quantity ; ",
                "{{ customer.name }} ; customer.name ; customer.name",
                "{{ a.$b }} ;  ; a.$b",
                "{{ $A.b1 }} ;  ; $A.b1",
                "{{ _a._b }} ; _a._b ; _a._b",
                "{{ 1a.b }} ;  ; ",
                "{{ a..b }} ;  ; ",
                "{{ a. b }} ;  ; ",
                "{{ a.b() }} ;  ; ",
                "{{ a.b | upper }} ;    ; ",
                "{{ }} ;  ; ",
                "{{}} ;  ; ",
                "{{ a b }} ;  ; ",
                "{{ é.b }} ;  ; ",
            })
    void whatTheBracesHoldDecidesTheKindOfPath(String text, String path, String memberPath) {
        Reference r = only(text.strip());

        assertThat(r.path()).isEqualTo(Optional.ofNullable(path));
        assertThat(r.memberPath()).isEqualTo(Optional.ofNullable(memberPath));
    }

    @Test
    void aNoBreakSpaceIsNotWhitespaceAroundAPath() {
        assertThat(only("{{\u00a0a.b }}").path()).isEmpty();
    }

    @Test
    void memberPathsNameAClassAndAMember() {
        assertThat(References.isMemberPath("com.example.Secrets.token")).isTrue();
        assertThat(References.isMemberPath("Secrets$Inner.token")).isTrue();
        assertThat(References.isMemberPath("token")).isFalse();
        assertThat(References.isMemberPath(" com.example.Secrets.token")).isFalse();
        assertThat(References.isMemberPath("com.example.Secrets.token()")).isFalse();
        assertThat(References.isMemberPath(null)).isFalse();
    }
}
