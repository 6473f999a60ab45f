package org.actiontriggers.trigger;

import java.util.List;

/** A config was refused: it breaks the rules listed, each located by its JSON pointer. Nothing was saved. */
public class InvalidConfigException extends RuntimeException {

    private final List<Violation> violations;

    public InvalidConfigException(List<Violation> violations) {
        super(violations.size() + " problem(s) in the trigger config", null, false, false);
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
