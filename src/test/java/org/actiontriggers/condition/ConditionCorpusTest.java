package org.actiontriggers.condition;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every malformed condition of the corpus ({@code conditions/malformed.json}, which {@code AdminApiIT} posts
 * too) is refused at its pointer, with the entity fields of the demo's {@code Sale} as the validator knows
 * them; none is evaluated, so none can execute anything.
 */
class ConditionCorpusTest {

    /** The demo's Sale, as the metamodel describes it. */
    static final EntityFields SALE = new EntityFields(Map.of(
            "Sale", Map.of("id", "", "customer", "Customer", "product", "Product", "quantity", ""),
            "Customer", Map.of("id", "", "name", ""),
            "Product", Map.of("id", "", "name", "")));

    static JsonArray corpus() {
        try (InputStream in = ConditionCorpusTest.class.getResourceAsStream("/conditions/malformed.json");
                var reader = Json.createReader(in)) {
            return reader.readArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Stream<Arguments> malformed() {
        return corpus().stream()
                .map(JsonObject.class::cast)
                .map(c -> Arguments.of(
                        c.getString("name"), c.get("condition"), c.getString("pointer"), c.getString("reason")));
    }

    /** What the validator does: parse, then check the fields against the watched type. */
    static List<ConditionProblem> problems(jakarta.json.JsonValue condition) {
        List<ConditionProblem> problems = new ArrayList<>(ConditionParser.problems(condition));
        if (problems.isEmpty()) {
            Condition parsed = ConditionParser.parse(condition);
            for (Condition.FieldUse use : parsed.fields()) {
                SALE.problem("Sale", use.path()).ifPresent(p -> problems.add(new ConditionProblem(use.pointer(), p)));
            }
        }
        return problems;
    }

    @Test
    void theCorpusHoldsAtLeastThirtyCases() {
        assertThat(corpus()).hasSizeGreaterThanOrEqualTo(30);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void isRefusedAtItsPointer(String name, jakarta.json.JsonValue condition, String pointer, String reason) {
        assertThat(problems(condition)).as(name).anySatisfy(problem -> {
            assertThat(problem.pointer()).isEqualTo(pointer);
            assertThat(problem.reason()).contains(reason);
        });
    }
}
