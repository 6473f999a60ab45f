package org.actiontriggers.settings;

import java.util.List;

/** Stops the deployment: one or more {@code action-triggers.*} settings are malformed, each named. */
public class InvalidSettingsException extends RuntimeException {

    private final List<String> problems;

    public InvalidSettingsException(List<String> problems) {
        super("Invalid Action Triggers settings:\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
