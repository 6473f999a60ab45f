package org.actiontriggers.condition;

import java.util.List;
import java.util.stream.Collectors;

/** A condition that cannot be parsed; carries every problem with its pointer. */
public class InvalidConditionException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final transient List<ConditionProblem> problems;

    public InvalidConditionException(List<ConditionProblem> problems) {
        super("the condition is refused: "
                + problems.stream().map(p -> p.pointer() + ": " + p.reason()).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<ConditionProblem> problems() {
        return problems;
    }
}
