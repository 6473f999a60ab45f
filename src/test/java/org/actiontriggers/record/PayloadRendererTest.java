package org.actiontriggers.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.actiontriggers.capture.EntityChange;
import org.actiontriggers.capture.EntitySnapshot;
import org.actiontriggers.trigger.Signal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class PayloadRendererTest {

    /** The customer's name in the three syntaxes a template may use. */
    private static final List<String> NAME_SYNTAXES = List.of(
            "{{ customer.name }}",
            "{{ instance.customer.name }}",
            "[[${instance.customer.name}]]",
            "[(${instance.customer.name})]");

    private static final List<String> HOSTILE_NAMES = List.of(
            "O'Brien", "a \"quote\"", "C:\\temp", "line one\nline two", "emoji \uD83D\uDE80", "<b>Tom & Jerry</b>");

    private static final List<String> TEMPLATE_CODE =
            List.of("[[${1+1}]]", "[(${1+1})]", "{{ quantity }}", "{{ x }}", "${1+1}");

    private final PayloadRenderer renderer = new PayloadRenderer();

    private static EntityChange sale(Object customerName) {
        Map<String, Object> customer = new HashMap<>();
        customer.put("name", customerName);
        customer.put("email", "ada@example.com");
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("customer", new EntitySnapshot("Customer", 1L, customer, true));
        props.put("product", new EntitySnapshot("Product", 2L, Map.of("name", "Widget"), true));
        props.put("quantity", 3);
        EntitySnapshot snapshot = new EntitySnapshot("Sale", 7L, props, true);
        return new EntityChange(Signal.POST_SAVE, EntityChange.Operation.CREATE, snapshot, Instant.now());
    }

    private static JsonValue json(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }

    /** Renders a JSON template whose only member {@code v} holds the given string, and returns {@code v}. */
    private JsonValue renderMember(String value, EntityChange change) {
        JsonValue template = Json.createObjectBuilder().add("v", value).build();
        RenderedPayload payload = renderer.render(template, change);
        assertThat(payload.contentType()).isEqualTo(RenderedPayload.JSON);
        return json(payload.body()).asJsonObject().get("v");
    }

    private JsonObject renderObject(String template, EntityChange change) {
        RenderedPayload payload = renderer.render(json(template), change);
        assertThat(payload.contentType()).isEqualTo(RenderedPayload.JSON);
        return json(payload.body()).asJsonObject();
    }

    private static Stream<Arguments> every(List<String> values, List<String> syntaxes) {
        return values.stream().flatMap(value -> syntaxes.stream().map(syntax -> Arguments.of(value, syntax)));
    }

    static Stream<Arguments> hostileNames() {
        return every(HOSTILE_NAMES, NAME_SYNTAXES);
    }

    static Stream<Arguments> templateCodeInData() {
        return every(TEMPLATE_CODE, NAME_SYNTAXES);
    }

    static Stream<String> nameSyntaxes() {
        return NAME_SYNTAXES.stream();
    }

    @ParameterizedTest
    @MethodSource("nameSyntaxes")
    @ValueSource(strings = {"{{instance.customer.name}}", "  {{ customer.name }} ", "[[${customer.name}]]"})
    void everySyntaxGivesTheSameWholeValue(String placeholder) {
        assertThat(renderMember(placeholder, sale("Ada"))).isEqualTo(Json.createValue("Ada"));
    }

    @ParameterizedTest
    @MethodSource("nameSyntaxes")
    void everySyntaxGivesTheSameValueInsideText(String placeholder) {
        assertThat(renderMember("Dear " + placeholder + "!", sale("Ada"))).isEqualTo(Json.createValue("Dear Ada!"));
    }

    @Test
    void wholeValuePlaceholderKeepsItsJsonType() {
        JsonObject body = renderObject("""
                {"quantity": "{{ quantity }}", "id": "{{ id }}", "missing": "{{ no_such_field }}",
                 "created": "{{ created }}"}
                """, sale("Ada"));

        assertThat(body).isEqualTo(json("{\"quantity\": 3, \"id\": 7, \"missing\": null, \"created\": true}"));
    }

    @Test
    void wholeValueNativeExpressionKeepsItsJsonType() {
        JsonObject body = renderObject("""
                {"quantity": "[[${quantity}]]", "id": "[(${instance.id})]", "created": "[[${created}]]"}
                """, sale("Ada"));

        assertThat(body).isEqualTo(json("{\"quantity\": 3, \"id\": 7, \"created\": true}"));
    }

    @Test
    void wholeValueReferenceBecomesANestedObject() {
        assertThat(renderMember("{{ product }}", sale("Ada"))).isEqualTo(json("{\"id\": 2, \"name\": \"Widget\"}"));
    }

    @Test
    void mixedTextRendersEveryPlaceholder() {
        assertThat(renderMember("Sale of {{ quantity }} x {{ product.name }}", sale("Ada")))
                .isEqualTo(Json.createValue("Sale of 3 x Widget"));
    }

    @ParameterizedTest(name = "{1} with {0}")
    @MethodSource("hostileNames")
    void hostileDataComesOutVerbatimAsWholeValue(String name, String syntax) {
        assertThat(renderMember(syntax, sale(name))).isEqualTo(Json.createValue(name));
    }

    @ParameterizedTest(name = "{1} with {0}")
    @MethodSource("hostileNames")
    void hostileDataComesOutVerbatimInsideJsonText(String name, String syntax) {
        assertThat(renderMember("name: " + syntax + ".", sale(name)))
                .isEqualTo(Json.createValue("name: " + name + "."));
    }

    @ParameterizedTest(name = "{1} with {0}")
    @MethodSource("hostileNames")
    void hostileDataComesOutVerbatimInATextTemplate(String name, String syntax) {
        RenderedPayload payload = renderer.render(Json.createValue("name: " + syntax + "."), sale(name));

        assertThat(payload.body()).isEqualTo("name: " + name + ".");
    }

    @ParameterizedTest
    @MethodSource("nameSyntaxes")
    void nullIsJsonNullAsWholeValue(String syntax) {
        assertThat(renderMember(syntax, sale(null))).isEqualTo(JsonValue.NULL);
    }

    @ParameterizedTest
    @MethodSource("nameSyntaxes")
    void nullIsEmptyInText(String syntax) {
        assertThat(renderMember("name: " + syntax + ".", sale(null))).isEqualTo(Json.createValue("name: ."));
        assertThat(renderer.render(Json.createValue("name: " + syntax + "."), sale(null))
                        .body())
                .isEqualTo("name: .");
    }

    @ParameterizedTest(name = "{1} with {0}")
    @MethodSource("templateCodeInData")
    void templateCodeInDataIsNeverEvaluatedAsWholeValue(String hostile, String syntax) {
        assertThat(renderMember(syntax, sale(hostile))).isEqualTo(Json.createValue(hostile));
    }

    @ParameterizedTest(name = "{1} with {0}")
    @MethodSource("templateCodeInData")
    void templateCodeInDataIsNeverEvaluatedInText(String hostile, String syntax) {
        assertThat(renderMember("-" + syntax + "-", sale(hostile))).isEqualTo(Json.createValue("-" + hostile + "-"));
        assertThat(renderer.render(Json.createValue("-" + syntax + "-"), sale(hostile))
                        .body())
                .isEqualTo("-" + hostile + "-");
    }

    @Test
    void textTemplateGivesPlainText() {
        RenderedPayload payload =
                renderer.render(Json.createValue("Sale of {{ quantity }} x {{ product.name }}"), sale("Ada"));

        assertThat(payload).isEqualTo(new RenderedPayload("Sale of 3 x Widget", "text/plain; charset=UTF-8"));
    }

    @Test
    void noTemplateGivesTheEntityFieldsWithReferencesAsIdsAndTheChangedFields() {
        for (JsonValue none : new JsonValue[] {null, JsonValue.NULL}) {
            RenderedPayload payload = renderer.render(none, sale("Ada"));

            assertThat(payload.contentType()).isEqualTo("application/json");
            assertThat(payload.body())
                    .isEqualTo("{\"id\":7,\"customer\":1,\"product\":2,\"quantity\":3,\"changed_fields\":[]}");
        }
    }

    @Test
    void nestedObjectsAndArraysAreRenderedRecursively() {
        JsonObject body = renderObject("""
                {
                  "order": {"product": "{{ product.name }}", "lines": ["{{ quantity }}", "x {{ customer.email }}", 42,
                    true, null, {"deep": ["{{ model }}", ["{{ id }}"]]}]},
                  "fixed": 1.5
                }
                """, sale("Ada"));

        assertThat(body).isEqualTo(json("""
                {
                  "order": {"product": "Widget", "lines": [3, "x ada@example.com", 42, true, null,
                    {"deep": ["Sale", [7]]}]},
                  "fixed": 1.5
                }
                """));
    }

    @Test
    void templateSeesSignalOperationCreatedAndModel() {
        JsonObject body = renderObject("""
                {"signal": "{{ signal }}", "operation": "{{ operation }}", "created": "{{ created }}",
                 "model": "{{ model }}", "line": "{{ model }} {{ operation }} on {{ signal }} ({{ created }})"}
                """, sale("Ada"));

        assertThat(body).isEqualTo(json("""
                {"signal": "post_save", "operation": "create", "created": true, "model": "Sale",
                 "line": "Sale create on post_save (true)"}
                """));
    }

    @Test
    void deleteIsNotCreated() {
        EntityChange delete = new EntityChange(
                Signal.PRE_DELETE, EntityChange.Operation.DELETE, sale("Ada").snapshot(), Instant.now());

        JsonObject body = renderObject(
                "{\"signal\": \"{{ signal }}\", \"operation\": \"{{ operation }}\", \"created\": \"{{ created }}\"}",
                delete);

        assertThat(body).isEqualTo(json("{\"signal\": \"pre_delete\", \"operation\": \"delete\", \"created\": false}"));
    }

    @Test
    void missingIntermediateRendersEmptyInTextAndNullAsWholeValue() {
        assertThat(renderMember("{{ nothing.here }}", sale("Ada"))).isEqualTo(JsonValue.NULL);
        assertThat(renderMember("{{ quantity.here }}", sale("Ada"))).isEqualTo(JsonValue.NULL);
        assertThat(renderMember("<{{ nothing.here }}>", sale("Ada"))).isEqualTo(Json.createValue("<>"));
        assertThat(renderer.render(Json.createValue("<{{ nothing.here }}>"), sale("Ada"))
                        .body())
                .isEqualTo("<>");
    }

    @Test
    void placeholderInsideSquareBracketsKeepsTheBracketsInJsonText() {
        assertThat(renderMember("[{{ quantity }}]", sale("Ada"))).isEqualTo(Json.createValue("[3]"));
    }

    @Test
    void placeholdersInsideSquareBracketsKeepTheBracketsInATextTemplate() {
        RenderedPayload payload = renderer.render(Json.createValue("ids: [{{ id }}, {{ quantity }}]"), sale("Ada"));

        assertThat(payload.body()).isEqualTo("ids: [7, 3]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[[${customer.}]]", "x [[${customer.}]] y", "[(${customer.})]"})
    void brokenExpressionInAJsonTemplateThrowsPayloadRenderingException(String broken) {
        assertThatThrownBy(() -> renderMember(broken, sale("Ada")))
                .isInstanceOf(PayloadRenderingException.class)
                .hasMessageNotContaining("Ada");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[[${customer.}]]", "x [[${customer.}]] y", "[(${customer.})]"})
    void brokenExpressionInATextTemplateThrowsPayloadRenderingException(String broken) {
        assertThatThrownBy(() -> renderer.render(Json.createValue(broken), sale("Ada")))
                .isInstanceOf(PayloadRenderingException.class)
                .hasMessageNotContaining("Ada");
    }

    @Test
    void brokenExpressionKeepsFailingWhateverWasRenderedBefore() {
        JsonValue wholeValue =
                Json.createObjectBuilder().add("v", "[[${customer.}]]").build();
        JsonValue text = Json.createValue("[[${customer.}]]");

        assertThatThrownBy(() -> renderer.render(wholeValue, sale("Ada")))
                .isInstanceOf(PayloadRenderingException.class);
        assertThatThrownBy(() -> renderer.render(text, sale("Ada"))).isInstanceOf(PayloadRenderingException.class);
    }

    @Test
    void sameTemplateRendersFreshValuesEachTime() {
        JsonValue template = Json.createValue("Dear {{ customer.name }}");

        assertThat(renderer.render(template, sale("Ada")).body()).isEqualTo("Dear Ada");
        assertThat(renderer.render(template, sale("Bob")).body()).isEqualTo("Dear Bob");
    }
}
