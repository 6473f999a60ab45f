package org.actiontriggers.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.Map;
import org.actiontriggers.capture.EntityChange;
import org.actiontriggers.capture.EntitySnapshot;
import org.actiontriggers.template.TemplateValidator;
import org.actiontriggers.trigger.Signal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The template sandbox against a corpus of known server-side template injection payloads (Thymeleaf/OGNL,
 * Spring EL, Jinja/Django, Freemarker-style): each is refused at write time with a clear message, and the
 * renderer refuses it too, so a template that bypassed validation renders nothing.
 */
class TemplateValidatorTest {

    private final TemplateValidator validator = new TemplateValidator();
    private final PayloadRenderer renderer = new PayloadRenderer();

    @ParameterizedTest
    @ValueSource(
            strings = {
                // Thymeleaf / OGNL
                "[[${T(java.lang.Runtime).getRuntime().exec('touch /tmp/pwned')}]]",
                "[(${T(java.lang.System).getenv()})]",
                "[[${new java.io.File('/tmp/pwned').createNewFile()}]]",
                "[[${@environment.getProperty('db.password')}]]",
                "[[${#ctx.getVariable('x')}]]",
                "[[${#request.getParameter('x')}]]",
                "[[${#execInfo.templateName}]]",
                "[[${customer.name.toUpperCase()}]]",
                "[[${customer.name.getClass().forName('java.lang.Runtime')}]]",
                "[[${customer['name']}]]",
                "[[${quantity * 2}]]",
                "[[${__${x}__}]]",
                "[[*{name}]]",
                "[[#{greeting}]]",
                "[[@{/admin}]]",
                "[[~{fragment}]]",
                "[# th:each=\"x : ${customer}\"][(${x})][/]",
                "[#th:block th:utext=\"${customer}\"/]",
                "x ${T(java.lang.Runtime).getRuntime()} y",
                "[(${customer.name})][[${''.class.forName('java.lang.Runtime')}]]",
                // Spring EL
                "#{T(java.lang.Runtime).getRuntime().exec('id')}",
                "*{T(java.lang.System).exit(0)}",
                // Jinja / Django / Twig
                "{{ ''.__class__.__mro__[1].__subclasses__() }}",
                "{{ config.items() }}",
                "{{ customer.name|upper }}",
                "{{7*7}}",
                "{% for x in customer %}{{ x }}{% endfor %}",
                "{{ customer.name }{{ 1 }}",
                // Freemarker / Velocity-style
                "${\"freemarker.template.utility.Execute\"?new()(\"id\")}",
                "@{T(java.lang.Runtime)}",
                "~{::x}",
                "{{ 1bad }}"
            })
    void injectionPayloadsAreRefusedAtWriteTimeAndAtRenderTime(String payload) {
        String problem = validator.problem(payload);

        assertThat(problem).isNotNull().contains("not allowed", "dotted path");
        assertThat(validator.problems(
                        Json.createObjectBuilder().add("v", payload).build()))
                .singleElement()
                .asString()
                .startsWith("$.v: ");
        assertThatThrownBy(() -> renderer.render(Json.createValue(payload), sale()))
                .isInstanceOf(PayloadRenderingException.class)
                .hasMessageContaining("template refused");
        assertThatThrownBy(() -> renderer.render(
                        Json.createObjectBuilder().add("v", payload).build(), sale()))
                .isInstanceOf(PayloadRenderingException.class);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{{ customer.name }}",
                "{{instance.customer.name}}",
                "[[${instance.customer.name}]]",
                "[(${ quantity })]",
                "Dear {{ customer.name }}, [{{ quantity }}] x {{ product.name }} (#{{ id }}) costs $5 {ok}",
                "plain text with { braces } and [brackets] and $dollars",
                ""
            })
    void plainReferencesAndTextAreAccepted(String template) {
        assertThat(validator.problem(template)).isNull();
        assertThat(validator.problems(Json.createValue(template))).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void problemsNameWhereInTheJsonTheyAre() {
        JsonValue template = Json.createObjectBuilder()
                .add("ok", "{{ quantity }}")
                .add("items", Json.createArrayBuilder().add("fine").add("[[${T(java.lang.System).exit(0)}]]"))
                .add("nested", Json.createObjectBuilder().add("bad", "{{ 7*7 }}"))
                .add("number", 3)
                .build();

        assertThat(validator.problems(template))
                .hasSize(2)
                .anySatisfy(p -> assertThat(p).startsWith("$.items[1]: "))
                .anySatisfy(p -> assertThat(p).startsWith("$.nested.bad: "));
        assertThat(validator.problems(null)).isEmpty();
        assertThat(validator.problems(JsonValue.NULL)).isEmpty();
    }

    private static EntityChange sale() {
        EntitySnapshot snapshot = new EntitySnapshot("Sale", 7L, Map.of("quantity", 3), true);
        return new EntityChange(Signal.POST_SAVE, EntityChange.Operation.CREATE, snapshot, Instant.now());
    }
}
