package org.actiontriggers.condition;

import java.util.Objects;

/**
 * One thing wrong with a condition, at its JSON pointer (RFC 6901) into the config's document, e.g.
 * {@code /condition/all/1/gt}.
 *
 * @param pointer where the problem is
 * @param reason what is wrong, in words an admin can act on
 */
public record ConditionProblem(String pointer, String reason) {

    public ConditionProblem {
        Objects.requireNonNull(pointer);
        Objects.requireNonNull(reason);
    }
}
