package org.actiontriggers.condition;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A dotted path into a snapshot's template model, e.g. {@code customer.name}: looked up step by step in
 * nested maps, nothing else. A missing step, or a step into something that is not a map, is {@code null}.
 *
 * @param text the path as written
 * @param steps its steps
 */
record FieldPath(String text, List<String> steps) {

    static final int MAX_STEPS = 4;
    static final Pattern SYNTAX = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(?:\\.[A-Za-z_][A-Za-z0-9_]*)*");

    static FieldPath of(String text) {
        return new FieldPath(text, List.of(text.split("\\.")));
    }

    /** A top-level property, whose change {@code changed_fields} tells. */
    boolean isTopLevel() {
        return steps.size() == 1;
    }

    Object valueIn(Map<String, Object> model) {
        Object current = model;
        for (String step : steps) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(step);
        }
        return current;
    }

    @Override
    public String toString() {
        return text;
    }
}
