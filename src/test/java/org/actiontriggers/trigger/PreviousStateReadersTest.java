package org.actiontriggers.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

/** Which configs make capture keep an entity's loaded state: {@code ActiveTriggers.readsPreviousState}. */
class PreviousStateReadersTest {

    private static JsonValue json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }

    @Test
    void theDefaultPayloadReadsItForItsChangedFields() {
        assertThat(ActiveTriggers.readsPreviousState(null, null)).isTrue();
        assertThat(ActiveTriggers.readsPreviousState(null, JsonValue.NULL)).isTrue();
    }

    @Test
    void aTemplateReadsItWhenItNamesPreviousOrChangedFieldsInEitherSpelling() {
        assertThat(ActiveTriggers.readsPreviousState(null, json("{\"was\": \"{{ previous.status }}\"}")))
                .isTrue();
        assertThat(ActiveTriggers.readsPreviousState(null, json("{\"a\": [1, {\"b\": \"[[${changed_fields}]]\"}]}")))
                .isTrue();
        assertThat(ActiveTriggers.readsPreviousState(null, json("\"status was {{ previous.status }}\"")))
                .isTrue();
    }

    @Test
    void aTemplateWithoutThemReadsNothingOfIt() {
        assertThat(ActiveTriggers.readsPreviousState(
                        null, json("{\"name\": \"{{ customer.name }}\", \"n\": 3, \"previously\": \"{{ id }}\"}")))
                .isFalse();
        assertThat(ActiveTriggers.readsPreviousState(null, json("{\"p\": \"{{ previously.x }}\"}")))
                .isFalse();
        assertThat(ActiveTriggers.readsPreviousState(null, json("\"sale {{ id }}\"")))
                .isFalse();
    }
}
