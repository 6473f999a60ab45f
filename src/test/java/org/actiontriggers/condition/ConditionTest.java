package org.actiontriggers.condition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConditionTest {

    private static Condition parse(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return ConditionParser.parse(reader.readValue());
        }
    }

    private static Map<String, Object> order(String status, Object total) {
        Map<String, Object> customer = new LinkedHashMap<>();
        customer.put("id", 7L);
        customer.put("name", "Ann");
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("id", 1L);
        model.put("status", status);
        model.put("total", total);
        model.put("customer", customer);
        return model;
    }

    @Test
    void datIssue149StatusChangedFromInProgressToCompleted() {
        Condition condition =
                parse("{\"field\": \"status\", \"changed_from\": \"in_progress\", \"to\": \"completed\"}");

        assertThat(condition.holds(order("completed", 5), order("in_progress", 5), List.of("status")))
                .isTrue();
        assertThat(condition.evaluate(order("cancelled", 5), order("in_progress", 5), List.of("status")))
                .isEqualTo(
                        new ConditionResult(false, "/condition", "status changed to \"cancelled\", not \"completed\""));
        assertThat(condition.evaluate(order("completed", 5), order("new", 5), List.of("status")))
                .isEqualTo(
                        new ConditionResult(false, "/condition", "status changed from \"new\", not \"in_progress\""));
        assertThat(condition
                        .evaluate(order("completed", 9), order("completed", 5), List.of("total"))
                        .reason())
                .isEqualTo("status did not change (it is \"completed\")");
        assertThat(condition.evaluate(order("completed", 5), null, List.of()).reason())
                .startsWith("status: no previous state");
    }

    @Test
    void allReportsTheFirstFailingPartWithItsPointer() {
        Condition condition = parse("{\"all\": [{\"field\": \"status\", \"changed_from\": \"in_progress\","
                + " \"to\": \"completed\"}, {\"field\": \"total\", \"gt\": 100}]}");

        assertThat(condition
                        .evaluate(order("completed", 50), order("new", 50), List.of("status"))
                        .describe())
                .isEqualTo("/condition/all/0: status changed from \"new\", not \"in_progress\"");
        assertThat(condition
                        .evaluate(order("completed", 50), order("in_progress", 50), List.of("status"))
                        .describe())
                .isEqualTo("/condition/all/1: total is 50, not > 100");
        assertThat(condition
                        .evaluate(
                                order("completed", new BigDecimal("100.5")),
                                order("in_progress", 1),
                                List.of("status", "total"))
                        .fired())
                .isTrue();
    }

    @Test
    void equalityMembershipAndNumbersCompareByValue() {
        Map<String, Object> model = order("shipped", 3);
        assertThat(parse("{\"field\": \"total\", \"equals\": 3.0}").holds(model, null, List.of()))
                .isTrue();
        assertThat(parse("{\"field\": \"total\", \"equals\": \"3\"}").holds(model, null, List.of()))
                .isFalse();
        assertThat(parse("{\"field\": \"status\", \"not_equals\": \"new\"}").holds(model, null, List.of()))
                .isTrue();
        assertThat(parse("{\"field\": \"status\", \"in\": [\"shipped\", \"completed\"]}")
                        .holds(model, null, List.of()))
                .isTrue();
        assertThat(parse("{\"field\": \"status\", \"not_in\": [\"shipped\"]}")
                        .evaluate(model, null, List.of())
                        .reason())
                .isEqualTo("status is \"shipped\", one of [\"shipped\"]");
        assertThat(parse("{\"field\": \"total\", \"gte\": 3}").holds(model, null, List.of()))
                .isTrue();
        assertThat(parse("{\"field\": \"total\", \"lt\": 3}").holds(model, null, List.of()))
                .isFalse();
        assertThat(parse("{\"field\": \"total\", \"lte\": 2.5}").holds(Map.of("total", 2.5d), null, List.of()))
                .isTrue();
        assertThat(parse("{\"field\": \"status\", \"gt\": 1}")
                        .evaluate(model, null, List.of())
                        .reason())
                .isEqualTo("status is \"shipped\", not a number");
        assertThat(parse("{\"field\": \"missing\", \"equals\": null}").holds(model, null, List.of()))
                .isTrue();
    }

    @Test
    void dottedPathsReadReferencesAndChangesOfThem() {
        Condition name = parse("{\"field\": \"customer.name\", \"equals\": \"Ann\"}");
        assertThat(name.holds(order("new", 1), null, List.of())).isTrue();
        assertThat(parse("{\"field\": \"customer.name.first\", \"equals\": \"Ann\"}")
                        .holds(order("new", 1), null, List.of()))
                .isFalse();

        Map<String, Object> before = order("new", 1);
        Map<String, Object> after = order("new", 1);
        ((Map<String, Object>) after.get("customer")).put("name", "Bob");
        Condition changed = parse("{\"field\": \"customer.name\", \"changed_to\": \"Bob\"}");
        assertThat(changed.holds(after, before, List.of())).isTrue();
        assertThat(changed.holds(before, before, List.of())).isFalse();
    }

    @Test
    void changedAndPreviousComparisonsUseThePreviousState() {
        Condition changed = parse("{\"field\": \"total\", \"changed\": true}");
        assertThat(changed.holds(order("new", 2), order("new", 1), List.of("total")))
                .isTrue();
        assertThat(changed.evaluate(order("new", 1), order("new", 1), List.of()).reason())
                .isEqualTo("total did not change (it is 1)");
        assertThat(parse("{\"field\": \"total\", \"changed\": false}")
                        .holds(order("new", 1), order("new", 1), List.of()))
                .isTrue();
        assertThat(parse("{\"field\": \"total\", \"changed\": false}").holds(order("new", 1), null, List.of()))
                .isFalse();

        Condition wasNew = parse("{\"field\": \"status\", \"of\": \"previous\", \"equals\": \"new\"}");
        assertThat(wasNew.holds(order("paid", 1), order("new", 1), List.of("status")))
                .isTrue();
        assertThat(wasNew.evaluate(order("paid", 1), null, List.of()).reason())
                .startsWith("previous status: no previous state");
    }

    @Test
    void anyAndNotSayWhatFailed() {
        Condition any =
                parse("{\"any\": [{\"field\": \"status\", \"equals\": \"a\"}, {\"field\": \"total\", \"gt\": 9}]}");
        assertThat(any.holds(order("b", 10), null, List.of())).isTrue();
        assertThat(any.evaluate(order("b", 1), null, List.of()).describe())
                .isEqualTo("/condition/any: none of 2 held (0: status is \"b\", not \"a\"; 1: total is 1, not > 9)");
        Condition not = parse("{\"not\": {\"field\": \"status\", \"equals\": \"a\"}}");
        assertThat(not.holds(order("b", 1), null, List.of())).isTrue();
        assertThat(not.evaluate(order("a", 1), null, List.of()).describe())
                .isEqualTo("/condition/not: the negated condition held");
    }

    @Test
    void anExpressionLookingValueIsOnlyEverComparedAsText() {
        Condition condition = parse("{\"field\": \"status\", \"equals\": \"${jndi:ldap://127.0.0.1/a}\"}");
        assertThat(condition.holds(order("${jndi:ldap://127.0.0.1/a}", 1), null, List.of()))
                .isTrue();
        assertThat(condition.holds(order("x", 1), null, List.of())).isFalse();
    }

    @Test
    void theLimitsAllowWhatTheyName() {
        StringBuilder eight = new StringBuilder("{\"field\": \"total\", \"gt\": 1}");
        for (int i = 1; i < ConditionParser.MAX_DEPTH; i++) {
            eight.insert(0, "{\"not\": ").append('}');
        }
        assertThat(parse(eight.toString())).isNotNull();
        StringBuilder hundred = new StringBuilder("{\"all\": [");
        for (int group = 0; group < 3; group++) {
            hundred.append(group == 0 ? "" : ",").append("{\"all\": [");
            int leaves = group < 2 ? 33 : 30;
            for (int i = 0; i < leaves; i++) {
                hundred.append(i == 0 ? "" : ",")
                        .append("{\"field\": \"total\", \"gt\": ")
                        .append(i)
                        .append('}');
            }
            hundred.append("]}");
        }
        hundred.append("]}");
        Condition big = parse(hundred.toString());
        assertThat(big.fields()).hasSize(96);
        assertThat(big.holds(Map.of("total", 100), null, List.of())).isTrue();
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        JsonValue json;
        try (var reader = Json.createReader(new StringReader(
                "{\"all\": [{\"field\": \"a b\", \"gt\": 1}, {\"field\": \"x\", \"gt\": \"y\"}, {\"nope\": 1}]}"))) {
            json = reader.readValue();
        }
        assertThat(ConditionParser.problems(json))
                .extracting(ConditionProblem::pointer)
                .contains("/condition/all/0/field", "/condition/all/1/gt", "/condition/all/2/nope");
        assertThatThrownBy(() -> ConditionParser.parse(json)).isInstanceOf(InvalidConditionException.class);
    }

    @Test
    void storedTextParsesAndNoneIsNull() {
        assertThat(ConditionParser.parse((String) null)).isNull();
        assertThat(ConditionParser.parse(JsonValue.NULL)).isNull();
        assertThat(ConditionParser.parse("{\"field\": \"id\", \"equals\": 1}").fields())
                .containsExactly(new Condition.FieldUse("/condition/field", "id"));
        assertThatThrownBy(() -> ConditionParser.parse("{not json"))
                .isInstanceOf(InvalidConditionException.class)
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void entityFieldsKnowReferencesIdsAndSayWhatExists() {
        EntityFields fields = ConditionCorpusTest.SALE;
        assertThat(fields.problem("Sale", "customer.name")).isEmpty();
        assertThat(fields.problem("Sale", "customer.id")).isEmpty();
        assertThat(fields.problem("Sale", "id")).isEmpty();
        assertThat(fields.problem("Sale", "status"))
                .hasValueSatisfying(p -> assertThat(p)
                        .isEqualTo("'status' is not a property of Sale; it has customer, id, product, quantity"));
        assertThat(fields.problem("Unknown", "anything")).isEmpty();
        Map<String, Map<String, String>> withEmbedded = new HashMap<>(
                Map.of("Order", Map.of("address", EntityFields.EMBEDDED, "lines", EntityFields.COLLECTION)));
        EntityFields order = new EntityFields(withEmbedded);
        assertThat(order.problem("Order", "address.city")).isEmpty();
        assertThat(order.problem("Order", "lines.count")).isPresent();
    }
}
