package org.actiontriggers.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.actiontriggers.capture.EntityChange;
import org.actiontriggers.capture.EntityChange.Operation;
import org.actiontriggers.capture.EntitySnapshot;
import org.actiontriggers.trigger.InvalidConfigException;
import org.actiontriggers.trigger.Signal;
import org.junit.jupiter.api.Test;

/** {@code previous} and {@code changed_fields} in templates, the default payload and the preview. */
class ChangeVariablesTest {

    private final PayloadRenderer renderer = new PayloadRenderer();

    private static EntitySnapshot sale(String status, int quantity, boolean customerInFull) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put(
                "customer",
                customerInFull
                        ? new EntitySnapshot("Customer", 1L, Map.of("name", "Ada"), true)
                        : EntitySnapshot.reference("Customer", 1L));
        props.put("quantity", quantity);
        props.put("status", status);
        return new EntitySnapshot("Sale", 7L, props, true);
    }

    private static EntityChange update(EntitySnapshot previous, EntitySnapshot now) {
        return new EntityChange(Signal.POST_SAVE, Operation.UPDATE, now, previous, Instant.now());
    }

    private static JsonObject json(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    private JsonObject render(String template, EntityChange change) {
        return json(renderer.render(json(template), change).body());
    }

    @Test
    void templatesSeeThePreviousValuesAndTheChangedFields() {
        EntityChange change = update(sale("in_progress", 2, false), sale("completed", 2, true));

        JsonObject body = render("""
                {"from": "{{ previous.status }}", "to": "{{ status }}", "changed": "{{ changed_fields }}",
                 "customer_before": "{{ previous.customer.id }}", "customer": "{{ customer.name }}",
                 "text": "{{ previous.status }} -> {{ instance.status }} ({{ operation }}, created: {{ created }})"}""", change);

        assertThat(body.getString("from")).isEqualTo("in_progress");
        assertThat(body.getString("to")).isEqualTo("completed");
        assertThat(body.getJsonArray("changed"))
                .isEqualTo(Json.createArrayBuilder().add("status").build());
        assertThat(body.getInt("customer_before")).isEqualTo(1);
        assertThat(body.getString("customer")).isEqualTo("Ada");
        assertThat(body.getString("text")).isEqualTo("in_progress -> completed (update, created: false)");
    }

    @Test
    void withoutAPreviousStatePreviousIsNullAndNothingChanged() {
        EntityChange create = new EntityChange(Signal.POST_SAVE, Operation.CREATE, sale("new", 1, true), Instant.now());

        JsonObject body =
                render("{\"from\": \"{{ previous.status }}\", \"changed\": \"{{ changed_fields }}\"}", create);

        assertThat(body.isNull("from")).isTrue();
        assertThat(body.getJsonArray("changed")).isEmpty();
    }

    @Test
    void theDefaultPayloadCarriesTheChangedFieldsAfterTheEntitysOwn() {
        EntityChange change = update(sale("new", 1, false), sale("in_progress", 3, true));

        String body = renderer.render(null, change).body();

        assertThat(body)
                .isEqualTo("{\"id\":7,\"customer\":1,\"quantity\":3,\"status\":\"in_progress\","
                        + "\"changed_fields\":[\"quantity\",\"status\"]}");
        EntityChange create = new EntityChange(Signal.POST_SAVE, Operation.CREATE, sale("new", 1, true), Instant.now());
        assertThat(json(renderer.render(null, create).body()).getJsonArray("changed_fields"))
                .isEmpty();
    }

    @Test
    void anEntityFieldNamedChangedFieldsKeepsItsValueInTheDefaultPayload() {
        EntitySnapshot own = new EntitySnapshot("Audit", 1L, Map.of("changed_fields", "a,b"), true);

        String body = renderer.render(null, update(own, own)).body();

        assertThat(json(body).getString("changed_fields")).isEqualTo("a,b");
    }

    @Test
    void thePreviewsPreviousStateIsTheEntityWithTheGivenValuesReplaced() {
        EntitySnapshot now = sale("completed", 2, false);

        EntitySnapshot previous = PayloadPreview.previous(now, Map.of("status", "in_progress"));

        assertThat(previous.properties()).containsEntry("status", "in_progress").containsEntry("quantity", 2);
        assertThat(update(previous, sale("completed", 2, true)).changedFields()).containsExactly("status");
        assertThatThrownBy(() -> PayloadPreview.previous(now, Map.of("colour", "red")))
                .isInstanceOfSatisfying(
                        InvalidConfigException.class,
                        e -> assertThat(e.violations())
                                .singleElement()
                                .satisfies(v -> assertThat(v.pointer()).isEqualTo("/previous/colour")));
    }
}
