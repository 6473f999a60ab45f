package org.actiontriggers.template;

import java.util.Optional;

/**
 * Tells whether one payload template can be rendered at all, so that a broken template is refused when the
 * config is saved instead of failing every delivery later. Implemented by the record stage, which owns the
 * template engine; this package only asks.
 */
public interface TemplateChecker {

    /** Why the template cannot be rendered — saying where in it — or empty when it can. */
    Optional<String> problemIn(String template);
}
