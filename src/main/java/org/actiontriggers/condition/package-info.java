/**
 * The condition language of a trigger: an optional JSON document on a config ({@code "condition"}) that says
 * when a change fires it — field equals / not equals / in a list, numeric comparisons, field changed, changed
 * from X to Y, combined with {@code all} / {@code any} / {@code not}. {@code ConditionParser} reads and limits it
 * once (depth, parts, string length, list size), reporting every problem with its JSON pointer, into an
 * immutable {@code Condition}, which evaluates against the plain maps of a snapshot's template model (current
 * and previous) and the names of the changed fields, and says which part failed and why. {@code EntityFields}
 * checks the field paths against what is known of the entity types' persistent properties.
 *
 * <p>The sandbox: a condition is data, never an expression — a field is a dotted path looked up in maps, a
 * value is only ever compared. No method calls, no reflection, nothing beyond the maps it is given.
 *
 * <p>Pure Java and JSON-P: depends on nothing else of ours, and on no CDI, JPA or network API.
 */
package org.actiontriggers.condition;
