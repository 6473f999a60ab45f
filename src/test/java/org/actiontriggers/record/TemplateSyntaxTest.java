package org.actiontriggers.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TemplateSyntaxTest {

    @Test
    void translatesEachPlaceholderToAnUnescapedVariableOfItsOwn() {
        TemplateSyntax syntax = TemplateSyntax.translate("Sale of {{ quantity }} x {{product.name}} by {{ quantity }}");

        assertThat(syntax.thymeleaf())
                .isEqualTo("Sale of [(${__placeholder0})] x [(${__placeholder1})] by [(${__placeholder2})]");
        assertThat(syntax.paths()).containsExactly("quantity", "product.name", "quantity");
    }

    @Test
    void unescapesNativeInliningAndLeavesPlainTextAlone() {
        TemplateSyntax syntax = TemplateSyntax.translate("Hi [[${instance.customer.name}]] {not} {{ 1bad }}");

        assertThat(syntax.thymeleaf()).isEqualTo("Hi [(${instance.customer.name})] {not} {{ 1bad }}");
        assertThat(syntax.paths()).isEmpty();
    }

    @Test
    void translationIsSafeForReplacementCharacters() {
        TemplateSyntax syntax = TemplateSyntax.translate("$1 \\ {{ a }}");

        assertThat(syntax.thymeleaf()).isEqualTo("$1 \\ [(${__placeholder0})]");
        assertThat(syntax.paths()).isEqualTo(List.of("a"));
    }

    @Test
    void aLiteralBracketBeforeAPlaceholderCannotMergeIntoThymeleafSyntax() {
        TemplateSyntax syntax = TemplateSyntax.translate("[[{{ a }}]");

        assertThat(syntax.thymeleaf()).isEqualTo("[(${__leftBracket})][(${__leftBracket})][(${__placeholder0})]]");
    }

    @Test
    void recognisesAWholeValueReferenceInEverySyntax() {
        assertThat(TemplateSyntax.wholePath("{{ customer.name }}")).isEqualTo("customer.name");
        assertThat(TemplateSyntax.wholePath("  {{quantity}} ")).isEqualTo("quantity");
        assertThat(TemplateSyntax.wholePath("[[${instance.customer.name}]]")).isEqualTo("instance.customer.name");
        assertThat(TemplateSyntax.wholePath(" [(${quantity})] ")).isEqualTo("quantity");
    }

    @Test
    void anythingButOneValueReferenceIsText() {
        assertThat(TemplateSyntax.wholePath("x {{ quantity }}")).isNull();
        assertThat(TemplateSyntax.wholePath("{{ a }}{{ b }}")).isNull();
        assertThat(TemplateSyntax.wholePath("x [[${quantity}]]")).isNull();
        assertThat(TemplateSyntax.wholePath("[[${a}]] and [[${b}]]")).isNull();
        assertThat(TemplateSyntax.wholePath("[(${a})] and [(${b})]")).isNull();
        assertThat(TemplateSyntax.wholePath("[[${quantity * 2}]]")).isNull();
    }
}
