package org.actiontriggers.condition;

import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.actiontriggers.condition.Condition.All;
import org.actiontriggers.condition.Condition.Any;
import org.actiontriggers.condition.Condition.Changed;
import org.actiontriggers.condition.Condition.Equality;
import org.actiontriggers.condition.Condition.FieldUse;
import org.actiontriggers.condition.Condition.Membership;
import org.actiontriggers.condition.Condition.Node;
import org.actiontriggers.condition.Condition.Not;
import org.actiontriggers.condition.Condition.Ordering;
import org.actiontriggers.condition.Condition.Side;
import org.actiontriggers.condition.Condition.Transition;

/**
 * Reads a condition's JSON into a {@link Condition}, or reports every problem with its JSON pointer.
 *
 * <p>The grammar: a condition is a JSON object, either a combinator — {@code {"all": [c, …]}},
 * {@code {"any": [c, …]}}, {@code {"not": c}} — or a test of one field: {@code {"field": "status", <operator>:
 * value}} with exactly one operator among {@code equals}, {@code not_equals}, {@code in}, {@code not_in},
 * {@code lt}, {@code lte}, {@code gt}, {@code gte} (these may read the state before the change with
 * {@code "of": "previous"}), {@code changed} ({@code true} or {@code false}), {@code changed_from} (with an
 * optional {@code to}) and {@code changed_to}. Values are JSON strings, numbers, booleans or null (lists of
 * them for {@code in}); numeric comparisons take numbers.
 *
 * <p>The limits, all checked here, once, so that evaluation is bounded: {@value #MAX_DEPTH} levels of
 * nesting, {@value #MAX_PARTS} parts, strings of {@value #MAX_STRING} characters, lists of {@value #MAX_LIST}
 * items, field paths of {@value FieldPath#MAX_STEPS} steps, {@value #MAX_LENGTH} characters in all.
 */
public final class ConditionParser {

    /** Resolved once: every {@code Json.create…} call looks the provider up again through the class loader. */
    private static final JsonProvider JSON = JsonProvider.provider();

    /** Where a config's condition is in its document. */
    public static final String POINTER = "/condition";

    public static final int MAX_DEPTH = 8;
    public static final int MAX_PARTS = 100;
    public static final int MAX_STRING = 256;
    public static final int MAX_LIST = 50;
    public static final int MAX_LENGTH = 16_384;

    static final String FIELD = "field";
    static final String OF = "of";
    static final String TO = "to";
    static final String ALL = "all";
    static final String ANY = "any";
    static final String NOT = "not";
    static final String CHANGED = "changed";
    static final String CHANGED_FROM = "changed_from";
    static final String CHANGED_TO = "changed_to";

    private static final List<String> COMBINATORS = List.of(ALL, ANY, NOT);
    private static final List<String> OPERATORS = List.of(
            "equals", "not_equals", "in", "not_in", "lt", "lte", "gt", "gte", CHANGED, CHANGED_FROM, CHANGED_TO);
    private static final Set<String> LEAF_KEYS = Set.copyOf(concat(OPERATORS, List.of(FIELD, OF, TO)));
    private static final Map<String, Ordering.Operator> ORDERINGS = Map.of(
            "lt", Ordering.Operator.LT,
            "lte", Ordering.Operator.LTE,
            "gt", Ordering.Operator.GT,
            "gte", Ordering.Operator.GTE);
    private static final String SHAPE = "write {\"field\": \"status\", \"equals\": \"completed\"}, or combine"
            + " conditions with {\"all\": […]}, {\"any\": […]} or {\"not\": {…}}";
    private static final int SHOWN = 40;

    /** A literal that was refused (and reported). */
    private static final Object INVALID = new Object();

    private final List<ConditionProblem> problems = new ArrayList<>();
    private final List<FieldUse> fields = new ArrayList<>();
    private int parts;

    private ConditionParser() {}

    /**
     * Parses a config's condition, located at {@value #POINTER}.
     *
     * @return the condition, or {@code null} for none ({@code null} or JSON {@code null})
     * @throws InvalidConditionException with every problem
     */
    public static Condition parse(JsonValue json) {
        return parse(json, POINTER);
    }

    /** Parses a condition located at the given pointer of its document. */
    public static Condition parse(JsonValue json, String pointer) {
        if (json == null || json.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        ConditionParser parser = new ConditionParser();
        Node root = parser.root(json, pointer);
        if (!parser.problems.isEmpty()) {
            throw new InvalidConditionException(parser.problems);
        }
        return new Condition(root, parser.fields);
    }

    /**
     * Parses a condition stored as JSON text.
     *
     * @return the condition, or {@code null} for none (null or blank text)
     */
    public static Condition parse(String json) {
        if (json == null || json.isBlank()) {
            return null;
        }
        if (json.length() > MAX_LENGTH) {
            throw new InvalidConditionException(List.of(new ConditionProblem(POINTER, tooLong())));
        }
        try (var reader = JSON.createReader(new StringReader(json))) {
            return parse(reader.readValue());
        } catch (JsonException e) {
            throw new InvalidConditionException(List.of(new ConditionProblem(POINTER, "is not valid JSON")));
        }
    }

    /** Every problem with the condition; empty when it parses (or is absent). */
    public static List<ConditionProblem> problems(JsonValue json) {
        try {
            parse(json);
            return List.of();
        } catch (InvalidConditionException e) {
            return e.problems();
        }
    }

    private Node root(JsonValue json, String pointer) {
        if (json.getValueType() != JsonValue.ValueType.OBJECT) {
            problems.add(new ConditionProblem(pointer, notAnObject(json)));
            return null;
        }
        if (json.toString().length() > MAX_LENGTH) {
            problems.add(new ConditionProblem(pointer, tooLong()));
            return null;
        }
        return node(json, pointer, 1);
    }

    private static String tooLong() {
        return "is longer than " + MAX_LENGTH + " characters";
    }

    private Node node(JsonValue json, String pointer, int depth) {
        parts++;
        if (parts == MAX_PARTS + 1) {
            problems.add(new ConditionProblem(
                    pointer,
                    "is one part too many: a condition has at most " + MAX_PARTS + " parts (tests and all/any/not)"));
        }
        if (parts > MAX_PARTS) {
            return null;
        }
        if (depth > MAX_DEPTH) {
            problems.add(new ConditionProblem(pointer, "is nested too deep: at most " + MAX_DEPTH + " levels"));
            return null;
        }
        if (!(json instanceof JsonObject object)) {
            problems.add(new ConditionProblem(pointer, notAnObject(json)));
            return null;
        }
        if (object.isEmpty()) {
            problems.add(new ConditionProblem(pointer, "is empty; " + SHAPE));
            return null;
        }
        List<String> combinators =
                object.keySet().stream().filter(COMBINATORS::contains).toList();
        if (!combinators.isEmpty()) {
            return combinator(object, combinators, pointer, depth);
        }
        return test(object, pointer);
    }

    private static String notAnObject(JsonValue json) {
        return json.getValueType() == JsonValue.ValueType.STRING
                ? "must be a JSON object, not a string: a condition is data, never an expression; " + SHAPE
                : "must be a JSON object; " + SHAPE;
    }

    private Node combinator(JsonObject object, List<String> combinators, String pointer, int depth) {
        String name = combinators.get(0);
        boolean clean = true;
        for (String key : object.keySet()) {
            if (!key.equals(name)) {
                problems.add(new ConditionProblem(
                        pointer + step(key),
                        "cannot stand next to \"" + name + "\": an object is one test or one all/any/not"));
                clean = false;
            }
        }
        JsonValue value = object.get(name);
        String at = pointer + step(name);
        if (name.equals(NOT)) {
            Node part = node(value, at, depth + 1);
            return clean && part != null ? new Not(at, part) : null;
        }
        if (!(value instanceof JsonArray array)) {
            problems.add(new ConditionProblem(at, "must be a list of conditions"));
            return null;
        }
        if (array.isEmpty()) {
            problems.add(new ConditionProblem(
                    at, "is empty; give at least one condition (an empty " + name + " would say nothing)"));
            return null;
        }
        if (array.size() > MAX_LIST) {
            problems.add(new ConditionProblem(at, "has " + array.size() + " conditions; at most " + MAX_LIST));
            return null;
        }
        List<Node> children = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            Node child = node(array.get(i), at + "/" + i, depth + 1);
            if (child == null) {
                clean = false;
            }
            children.add(child);
        }
        if (!clean) {
            return null;
        }
        return name.equals(ALL) ? new All(pointer, List.copyOf(children)) : new Any(at, List.copyOf(children));
    }

    private Node test(JsonObject object, String pointer) {
        int before = problems.size();
        for (String key : object.keySet()) {
            if (!LEAF_KEYS.contains(key)) {
                problems.add(new ConditionProblem(
                        pointer + step(key),
                        "'" + shown(key) + "' is not an operator; expected " + FIELD + " with one of "
                                + String.join(", ", OPERATORS) + " (or " + String.join("/", COMBINATORS) + ")"));
            }
        }
        FieldPath field = field(object, pointer);
        List<String> operators =
                object.keySet().stream().filter(OPERATORS::contains).toList();
        if (operators.isEmpty()) {
            problems.add(new ConditionProblem(pointer, "needs an operator: one of " + String.join(", ", OPERATORS)));
            return null;
        }
        for (String extra : operators.subList(1, operators.size())) {
            problems.add(new ConditionProblem(
                    pointer + step(extra),
                    "is a second operator next to \"" + operators.get(0)
                            + "\"; one test has one operator: combine tests with all/any"));
        }
        String operator = operators.get(0);
        boolean changeTest = operator.startsWith(CHANGED);
        if (object.containsKey(TO) && !operator.equals(CHANGED_FROM)) {
            problems.add(
                    new ConditionProblem(pointer + step(TO), "goes with changed_from; without it, write changed_to"));
        }
        Side side = side(object, pointer, changeTest);
        String at = pointer + step(operator);
        JsonValue value = object.get(operator);
        Node node = switch (operator) {
            case "equals", "not_equals" -> {
                Object literal = literal(value, at);
                yield literal == INVALID
                        ? null
                        : new Equality(pointer, field, side, literal, operator.equals("not_equals"));
            }
            case "in", "not_in" -> {
                List<Object> values = list(value, at);
                yield values == null ? null : new Membership(pointer, field, side, values, operator.equals("not_in"));
            }
            case CHANGED -> {
                if (value.getValueType() == JsonValue.ValueType.TRUE
                        || value.getValueType() == JsonValue.ValueType.FALSE) {
                    yield new Changed(pointer, field, value.getValueType() == JsonValue.ValueType.TRUE);
                }
                problems.add(new ConditionProblem(at, "must be true or false"));
                yield null;
            }
            case CHANGED_FROM -> {
                Object from = literal(value, at);
                boolean hasTo = object.containsKey(TO);
                Object to = hasTo ? literal(object.get(TO), pointer + step(TO)) : null;
                yield from == INVALID || to == INVALID ? null : new Transition(pointer, field, true, from, hasTo, to);
            }
            case CHANGED_TO -> {
                Object to = literal(value, at);
                yield to == INVALID ? null : new Transition(pointer, field, false, null, true, to);
            }
            default -> {
                if (value instanceof JsonNumber number) {
                    BigDecimal bound = number(number, at);
                    yield bound == null ? null : new Ordering(pointer, field, side, ORDERINGS.get(operator), bound);
                }
                problems.add(new ConditionProblem(at, "must be a number (" + operator + " compares numbers)"));
                yield null;
            }
        };
        return problems.size() == before && field != null ? node : null;
    }

    private FieldPath field(JsonObject object, String pointer) {
        JsonValue value = object.get(FIELD);
        String at = pointer + step(FIELD);
        if (value == null) {
            problems.add(new ConditionProblem(
                    pointer, "needs \"field\": the property to test, e.g. \"status\" or \"customer.name\""));
            return null;
        }
        if (!(value instanceof JsonString text)) {
            problems.add(new ConditionProblem(at, "must be a string: a property name or dotted path"));
            return null;
        }
        String path = text.getString();
        if (path.length() > MAX_STRING) {
            problems.add(new ConditionProblem(at, "is longer than " + MAX_STRING + " characters"));
            return null;
        }
        if (!FieldPath.SYNTAX.matcher(path).matches()) {
            problems.add(new ConditionProblem(
                    at,
                    "'" + shown(path) + "' is not a field path: property names (letters, digits, _) joined by dots,"
                            + " e.g. customer.name; no calls, brackets, spaces or expressions"));
            return null;
        }
        FieldPath field = FieldPath.of(path);
        if (field.steps().size() > FieldPath.MAX_STEPS) {
            problems.add(new ConditionProblem(at, "has more than " + FieldPath.MAX_STEPS + " steps"));
            return null;
        }
        if (field.steps().get(0).equals("previous")) {
            problems.add(new ConditionProblem(
                    at,
                    "cannot start with 'previous': the state before the change is read by the operators — changed,"
                            + " changed_from, changed_to, or \"of\": \"previous\" next to equals, in, lt…"));
            return null;
        }
        fields.add(new FieldUse(at, path));
        return field;
    }

    private Side side(JsonObject object, String pointer, boolean changeTest) {
        JsonValue value = object.get(OF);
        if (value == null) {
            return Side.CURRENT;
        }
        String at = pointer + step(OF);
        if (changeTest) {
            problems.add(new ConditionProblem(
                    at, "does not go with changed, changed_from or changed_to, which read both states"));
            return Side.CURRENT;
        }
        if (value instanceof JsonString text && text.getString().equals("current")) {
            return Side.CURRENT;
        }
        if (value instanceof JsonString text && text.getString().equals("previous")) {
            return Side.PREVIOUS;
        }
        problems.add(new ConditionProblem(at, "must be \"current\" (the default) or \"previous\""));
        return Side.CURRENT;
    }

    /** A string, number, boolean or null; {@link #INVALID} (reported) otherwise. */
    private Object literal(JsonValue value, String at) {
        switch (value.getValueType()) {
            case STRING -> {
                String text = ((JsonString) value).getString();
                if (text.length() > MAX_STRING) {
                    problems.add(new ConditionProblem(at, "is longer than " + MAX_STRING + " characters"));
                    return INVALID;
                }
                return text;
            }
            case NUMBER -> {
                BigDecimal number = number((JsonNumber) value, at);
                return number == null ? INVALID : number;
            }
            case TRUE -> {
                return Boolean.TRUE;
            }
            case FALSE -> {
                return Boolean.FALSE;
            }
            case NULL -> {
                return null;
            }
            default -> {
                problems.add(new ConditionProblem(
                        at, "must be a string, number, boolean or null (compare a referenced entity by its id)"));
                return INVALID;
            }
        }
    }

    private BigDecimal number(JsonNumber number, String at) {
        BigDecimal value = number.bigDecimalValue();
        if (Math.abs(value.scale()) > 1000 || value.precision() > 100) {
            problems.add(new ConditionProblem(at, "is out of range"));
            return null;
        }
        return value;
    }

    private List<Object> list(JsonValue value, String at) {
        if (!(value instanceof JsonArray array)) {
            problems.add(new ConditionProblem(at, "must be a list of values"));
            return null;
        }
        if (array.isEmpty()) {
            problems.add(new ConditionProblem(at, "is empty; give at least one value"));
            return null;
        }
        if (array.size() > MAX_LIST) {
            problems.add(new ConditionProblem(at, "has " + array.size() + " values; at most " + MAX_LIST));
            return null;
        }
        List<Object> values = new ArrayList<>();
        boolean clean = true;
        for (int i = 0; i < array.size(); i++) {
            Object literal = literal(array.get(i), at + "/" + i);
            clean &= literal != INVALID;
            values.add(literal);
        }
        return clean ? java.util.Collections.unmodifiableList(values) : null;
    }

    /** A pointer step, escaped as RFC 6901 requires. */
    private static String step(String name) {
        return "/" + name.replace("~", "~0").replace("/", "~1");
    }

    private static String shown(String text) {
        return text.length() > SHOWN ? text.substring(0, SHOWN) + "…" : text;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
