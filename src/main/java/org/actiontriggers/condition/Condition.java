package org.actiontriggers.condition;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A parsed condition: an immutable tree, made once by {@link ConditionParser} when a config is saved or the
 * active configs are loaded, and evaluated for every change of a watched entity without parsing anything.
 *
 * <p>Thread-safe. Evaluation only looks values up in the maps it is given and compares them.
 */
public final class Condition {

    private final Node root;
    private final List<FieldUse> fields;

    Condition(Node root, List<FieldUse> fields) {
        this.root = root;
        this.fields = List.copyOf(fields);
    }

    /**
     * A field the condition reads, with the pointer of its {@code "field"} member, for a check against the
     * entity types' properties.
     */
    public record FieldUse(String pointer, String path) {}

    /** Every field the condition reads, in document order. */
    public List<FieldUse> fields() {
        return fields;
    }

    /**
     * Whether the condition holds: the hot path's question, which builds no explanation.
     *
     * @param current the entity's state now, as a template model ({@code EntitySnapshot.asTemplateModel()})
     * @param previous its state when loaded or last flushed, or {@code null} (a create, or not captured)
     * @param changedFields the top-level properties that differ between the two
     */
    public boolean holds(Map<String, Object> current, Map<String, Object> previous, Collection<String> changedFields) {
        return root.test(new Input(current, previous, changedFields));
    }

    /** Whether the condition holds and, if not, which part failed and why. */
    public ConditionResult evaluate(
            Map<String, Object> current, Map<String, Object> previous, Collection<String> changedFields) {
        Input input = new Input(current, previous, changedFields);
        return root.test(input) ? ConditionResult.FIRED : root.failure(input);
    }

    record Input(Map<String, Object> current, Map<String, Object> previous, Collection<String> changedFields) {

        Input {
            current = current == null ? Map.of() : current;
            changedFields = changedFields == null ? List.of() : changedFields;
        }

        Object valueOf(FieldPath path, Side side) {
            Map<String, Object> model = side == Side.PREVIOUS ? previous : current;
            return model == null ? null : path.valueIn(model);
        }

        /** Whether the field differs between previous and current; the caller checked there is a previous. */
        boolean changed(FieldPath path) {
            return path.isTopLevel()
                    ? changedFields.contains(path.text())
                    : !Values.same(path.valueIn(previous), path.valueIn(current));
        }
    }

    /** Which state a comparison reads: the entity's state now, or the one before the change. */
    enum Side {
        CURRENT,
        PREVIOUS
    }

    static final String NO_PREVIOUS = "no previous state (a create, or a change whose earlier state was not seen)";

    /** One part of the tree, with the pointer of its JSON object. */
    sealed interface Node permits All, Any, Not, Equality, Membership, Ordering, Changed, Transition {

        String pointer();

        boolean test(Input input);

        /** Why it does not hold; asked only when {@link #test} said so. */
        ConditionResult failure(Input input);
    }

    record All(String pointer, List<Node> parts) implements Node {
        @Override
        public boolean test(Input input) {
            for (Node part : parts) {
                if (!part.test(input)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public ConditionResult failure(Input input) {
            for (Node part : parts) {
                if (!part.test(input)) {
                    return part.failure(input);
                }
            }
            return ConditionResult.failed(pointer, "failed");
        }
    }

    record Any(String pointer, List<Node> parts) implements Node {
        @Override
        public boolean test(Input input) {
            for (Node part : parts) {
                if (part.test(input)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public ConditionResult failure(Input input) {
            List<String> why = new ArrayList<>();
            for (Node part : parts) {
                ConditionResult failed = part.failure(input);
                why.add(failed.pointer().substring(pointer.length() + 1) + ": " + failed.reason());
            }
            return ConditionResult.failed(
                    pointer, "none of " + parts.size() + " held (" + String.join("; ", why) + ")");
        }
    }

    record Not(String pointer, Node part) implements Node {
        @Override
        public boolean test(Input input) {
            return !part.test(input);
        }

        @Override
        public ConditionResult failure(Input input) {
            return ConditionResult.failed(pointer, "the negated condition held");
        }
    }

    /** {@code equals} or {@code not_equals}. */
    record Equality(String pointer, FieldPath field, Side side, Object value, boolean negated) implements Node {
        @Override
        public boolean test(Input input) {
            if (side == Side.PREVIOUS && input.previous() == null) {
                return false;
            }
            return Values.same(input.valueOf(field, side), value) != negated;
        }

        @Override
        public ConditionResult failure(Input input) {
            if (side == Side.PREVIOUS && input.previous() == null) {
                return ConditionResult.failed(pointer, "previous " + field + ": " + NO_PREVIOUS);
            }
            Object actual = input.valueOf(field, side);
            return ConditionResult.failed(
                    pointer,
                    name(field, side) + " is " + Values.show(actual) + (negated ? "" : ", not " + Values.show(value)));
        }
    }

    /** {@code in} or {@code not_in}. */
    record Membership(String pointer, FieldPath field, Side side, List<Object> values, boolean negated)
            implements Node {
        @Override
        public boolean test(Input input) {
            if (side == Side.PREVIOUS && input.previous() == null) {
                return false;
            }
            Object actual = input.valueOf(field, side);
            boolean found = false;
            for (Object value : values) {
                if (Values.same(actual, value)) {
                    found = true;
                    break;
                }
            }
            return found != negated;
        }

        @Override
        public ConditionResult failure(Input input) {
            if (side == Side.PREVIOUS && input.previous() == null) {
                return ConditionResult.failed(pointer, "previous " + field + ": " + NO_PREVIOUS);
            }
            return ConditionResult.failed(
                    pointer,
                    name(field, side) + " is " + Values.show(input.valueOf(field, side))
                            + (negated ? ", one of " : ", not one of ") + Values.show(values));
        }
    }

    /** {@code lt}, {@code lte}, {@code gt}, {@code gte}: numbers only. */
    record Ordering(String pointer, FieldPath field, Side side, Operator operator, BigDecimal bound) implements Node {

        enum Operator {
            LT("<"),
            LTE("<="),
            GT(">"),
            GTE(">=");

            final String symbol;

            Operator(String symbol) {
                this.symbol = symbol;
            }

            boolean accepts(int comparison) {
                return switch (this) {
                    case LT -> comparison < 0;
                    case LTE -> comparison <= 0;
                    case GT -> comparison > 0;
                    case GTE -> comparison >= 0;
                };
            }
        }

        @Override
        public boolean test(Input input) {
            if (side == Side.PREVIOUS && input.previous() == null) {
                return false;
            }
            return Values.normal(input.valueOf(field, side)) instanceof BigDecimal actual
                    && operator.accepts(actual.compareTo(bound));
        }

        @Override
        public ConditionResult failure(Input input) {
            if (side == Side.PREVIOUS && input.previous() == null) {
                return ConditionResult.failed(pointer, "previous " + field + ": " + NO_PREVIOUS);
            }
            Object actual = input.valueOf(field, side);
            String shown = name(field, side) + " is " + Values.show(actual);
            return ConditionResult.failed(
                    pointer,
                    Values.normal(actual) instanceof BigDecimal
                            ? shown + ", not " + operator.symbol + " " + Values.show(bound)
                            : shown + ", not a number");
        }
    }

    /** {@code changed: true} or {@code changed: false}. */
    record Changed(String pointer, FieldPath field, boolean expected) implements Node {
        @Override
        public boolean test(Input input) {
            return input.previous() != null && input.changed(field) == expected;
        }

        @Override
        public ConditionResult failure(Input input) {
            if (input.previous() == null) {
                return ConditionResult.failed(pointer, field + ": " + NO_PREVIOUS);
            }
            return ConditionResult.failed(
                    pointer,
                    expected
                            ? field + " did not change (it is " + Values.show(input.valueOf(field, Side.CURRENT)) + ")"
                            : field + " changed from " + Values.show(input.valueOf(field, Side.PREVIOUS)) + " to "
                                    + Values.show(input.valueOf(field, Side.CURRENT)));
        }
    }

    /**
     * {@code changed_from} (with an optional {@code to}) or {@code changed_to}: the field changed, from that
     * value and to that one where given.
     */
    record Transition(String pointer, FieldPath field, boolean hasFrom, Object from, boolean hasTo, Object to)
            implements Node {
        @Override
        public boolean test(Input input) {
            return input.previous() != null
                    && input.changed(field)
                    && (!hasFrom || Values.same(input.valueOf(field, Side.PREVIOUS), from))
                    && (!hasTo || Values.same(input.valueOf(field, Side.CURRENT), to));
        }

        @Override
        public ConditionResult failure(Input input) {
            if (input.previous() == null) {
                return ConditionResult.failed(pointer, field + ": " + NO_PREVIOUS);
            }
            Object before = input.valueOf(field, Side.PREVIOUS);
            Object now = input.valueOf(field, Side.CURRENT);
            if (!input.changed(field)) {
                return ConditionResult.failed(pointer, field + " did not change (it is " + Values.show(now) + ")");
            }
            if (hasFrom && !Values.same(before, from)) {
                return ConditionResult.failed(
                        pointer, field + " changed from " + Values.show(before) + ", not " + Values.show(from));
            }
            return ConditionResult.failed(
                    pointer, field + " changed to " + Values.show(now) + ", not " + Values.show(to));
        }
    }

    private static String name(FieldPath field, Side side) {
        return side == Side.PREVIOUS ? "previous " + field : field.text();
    }
}
