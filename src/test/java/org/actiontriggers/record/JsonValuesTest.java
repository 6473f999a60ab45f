package org.actiontriggers.record;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.actiontriggers.capture.EntitySnapshot;
import org.junit.jupiter.api.Test;

class JsonValuesTest {

    @Test
    void convertsPlainValues() {
        assertThat(JsonValues.of(null)).isEqualTo(JsonValue.NULL);
        assertThat(JsonValues.of("a \"b\"")).isEqualTo(Json.createValue("a \"b\""));
        assertThat(JsonValues.of(true)).isEqualTo(JsonValue.TRUE);
        assertThat(JsonValues.of(false)).isEqualTo(JsonValue.FALSE);
        assertThat(JsonValues.of((short) 4)).isEqualTo(Json.createValue(4));
        assertThat(JsonValues.of(5_000_000_000L)).isEqualTo(Json.createValue(5_000_000_000L));
        assertThat(JsonValues.of(new BigDecimal("12.50")).toString()).isEqualTo("12.50");
        assertThat(JsonValues.of(new BigInteger("123456789012345678901234567890"))
                        .toString())
                .isEqualTo("123456789012345678901234567890");
        assertThat(JsonValues.of(1.5)).isEqualTo(Json.createValue(1.5));
    }

    @Test
    void nonFiniteNumbersBecomeStrings() {
        assertThat(JsonValues.of(Double.NaN)).isEqualTo(Json.createValue("NaN"));
        assertThat(JsonValues.of(Float.POSITIVE_INFINITY)).isEqualTo(Json.createValue("Infinity"));
    }

    @Test
    void referencesAreNestedObjectsOrIds() {
        EntitySnapshot customer = new EntitySnapshot("Customer", 1L, Map.of("name", "Ada"), true);

        assertThat(JsonValues.of(customer).toString()).isEqualTo("{\"id\":1,\"name\":\"Ada\"}");
        assertThat(JsonValues.of(customer, true)).isEqualTo(Json.createValue(1L));
        assertThat(JsonValues.of(List.of(customer), true).toString()).isEqualTo("[1]");
    }

    @Test
    void fieldsOfPutsIdFirstAndKeepsNulls() {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("customer", EntitySnapshot.reference("Customer", 1L));
        props.put("note", null);
        props.put("tags", Arrays.asList("a", null));

        assertThat(JsonValues.fieldsOf(new EntitySnapshot("Sale", 7L, props, true))
                        .toString())
                .isEqualTo("{\"id\":7,\"customer\":1,\"note\":null,\"tags\":[\"a\",null]}");
    }
}
