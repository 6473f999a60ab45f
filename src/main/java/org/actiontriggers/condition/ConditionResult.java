package org.actiontriggers.condition;

/**
 * Whether a condition held for a change and, when it did not, which part failed and why.
 *
 * @param fired whether the condition held (the trigger fires)
 * @param pointer the JSON pointer of the part that failed, e.g. {@code /condition/all/0}; {@code null} when it
 *     fired
 * @param reason why that part failed, e.g. {@code status changed from "new", not "in_progress"}; {@code null}
 *     when it fired
 */
public record ConditionResult(boolean fired, String pointer, String reason) {

    /** The result of a config without a condition, or of one that held. */
    public static final ConditionResult FIRED = new ConditionResult(true, null, null);

    static ConditionResult failed(String pointer, String reason) {
        return new ConditionResult(false, pointer, reason);
    }

    /** {@code /condition/all/0: status changed from "new", not "in_progress"}, or {@code fires}. */
    public String describe() {
        return fired ? "fires" : pointer + ": " + reason;
    }
}
