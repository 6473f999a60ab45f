package org.actiontriggers.record;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PayloadTemplateCheckerTest {

    private final PayloadTemplateChecker checker = new PayloadTemplateChecker();

    @ParameterizedTest
    @ValueSource(
            strings = {
                "plain text",
                "{{ customer.name }}",
                "{{ instance.customer.name }} bought {{ quantity }}",
                "[[${instance.customer.name}]]",
                "[(${instance.customer.name})]",
                "[[${quantity}]] x",
                "{{ signal }} {{ operation }} {{ model }}",
                "a [ bracket and a ] bracket",
                "{\"json\": \"inside text\"}",
                ""
            })
    void renderableTemplatesPass(String template) {
        assertThat(checker.problemIn(template)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "[[${1+}]]",
                "[(${instance.customer.)]",
                "hello [[${)]]",
                "[[${a b c}]]",
                "[[${instance.customer.name.toUpperCase()}]]"
            })
    void expressionsThatAreNotPlainPathsAreRefusedSayingWhere(String template) {
        assertThat(checker.problemIn(template))
                .hasValueSatisfying(
                        reason -> assertThat(reason).contains("is not allowed").contains("at character"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{{ customer name }}", "{{ }}", "hi {{ customer..name }}", "{{ 'x' }}"})
    void bracesThatAreNotADottedPathAreRefusedWithTheirPosition(String template) {
        assertThat(checker.problemIn(template))
                .hasValueSatisfying(reason -> assertThat(reason)
                        .contains("is not a {{ dotted.path }} reference")
                        .contains("at character"));
    }
}
