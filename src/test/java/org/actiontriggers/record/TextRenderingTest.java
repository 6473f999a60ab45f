package org.actiontriggers.record;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.actiontriggers.capture.EntityChange;
import org.actiontriggers.capture.EntitySnapshot;
import org.actiontriggers.template.TemplateSyntax;
import org.actiontriggers.trigger.Signal;
import org.junit.jupiter.api.Test;

/** Text templates through Thymeleaf behind the sandbox: references become variables, never template code. */
class TextRenderingTest {

    private final PayloadRenderer renderer = new PayloadRenderer();

    private static EntityChange change(Map<String, Object> properties) {
        return new EntityChange(
                Signal.POST_SAVE,
                EntityChange.Operation.CREATE,
                new EntitySnapshot("Sale", 1L, properties, true),
                Instant.now());
    }

    @Test
    void rendersReferencesAsTextAndMissingOnesAsNothing() {
        Map<String, Object> properties = new HashMap<>();
        properties.put("a", Map.of("b", 42));
        properties.put("n", null);

        String text = renderer.render(Json.createValue("$1 \\ [{{ a.b }}] [(${n})]{{ a.c.d }}!"), change(properties))
                .body();

        assertThat(text).isEqualTo("$1 \\ [42] !");
    }

    @Test
    void aValueIsNeverReadBackAsTemplate() {
        String text = renderer.render(Json.createValue("{{ a }}"), change(Map.of("a", "{{ b }} [[${b}]]", "b", "no")))
                .body();

        assertThat(text).isEqualTo("{{ b }} [[${b}]]");
    }

    @Test
    void literalBracketsBeforeAReferenceStayLiteral() {
        assertThat(PayloadRenderer.thymeleafText(TemplateSyntax.parse("[{{ a }}]")))
                .isEqualTo("[(${__leftBracket})][(${__reference0})]]");
        assertThat(renderer.render(Json.createValue("ids: [{{ a }}, {{ b }}]"), change(Map.of("a", 7, "b", 3)))
                        .body())
                .isEqualTo("ids: [7, 3]");
    }

    @Test
    void thymeleafParserCommentsAreRefusedLikeAnyOtherSyntax() {
        assertThat(new org.actiontriggers.template.TemplateValidator().problem("a /*[- hidden -]*/ b"))
                .contains("not allowed");
    }
}
