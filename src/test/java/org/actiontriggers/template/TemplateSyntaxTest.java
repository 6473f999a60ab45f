package org.actiontriggers.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TemplateSyntaxTest {

    @Test
    void splitsTheTextAroundEachReference() {
        TemplateSyntax syntax = TemplateSyntax.parse("Sale of {{ quantity }} x {{product.name}} by [[${ quantity }]]");

        assertThat(syntax.literals()).containsExactly("Sale of ", " x ", " by ", "");
        assertThat(syntax.paths()).containsExactly("quantity", "product.name", "quantity");
    }

    @Test
    void recognisesAWholeValueReferenceInEverySyntax() {
        assertThat(TemplateSyntax.parse("{{ customer.name }}").wholePath()).isEqualTo("customer.name");
        assertThat(TemplateSyntax.parse("  {{quantity}} ").wholePath()).isEqualTo("quantity");
        assertThat(TemplateSyntax.parse("[[${instance.customer.name}]]").wholePath())
                .isEqualTo("instance.customer.name");
        assertThat(TemplateSyntax.parse(" [(${quantity})] ").wholePath()).isEqualTo("quantity");
    }

    @Test
    void anythingButOneValueReferenceIsText() {
        for (String text :
                List.of("x {{ quantity }}", "{{ a }}{{ b }}", "x [[${quantity}]]", "[(${a})] and [(${b})]")) {
            assertThat(TemplateSyntax.parse(text).wholePath()).as(text).isNull();
        }
    }
}
