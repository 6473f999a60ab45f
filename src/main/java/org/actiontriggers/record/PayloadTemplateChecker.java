package org.actiontriggers.record;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.actiontriggers.template.References;
import org.actiontriggers.template.References.Reference;
import org.actiontriggers.template.TemplateChecker;
import org.actiontriggers.template.TemplateValidator;

/**
 * Checks a payload template when a config is saved, so that a broken one is refused with a message instead
 * of failing every delivery later: the sandbox's own parse ({@link TemplateValidator}) — the very check the
 * renderer applies — and, in addition, {@code {{ … }}} that is not a dotted path, which the parse would
 * refuse with a more general message.
 */
@ApplicationScoped
public class PayloadTemplateChecker implements TemplateChecker {

    private static final TemplateValidator SANDBOX = new TemplateValidator();

    @Override
    public Optional<String> problemIn(String template) {
        for (Reference reference : References.in(template)) {
            if (reference.path().isEmpty()) {
                return Optional.of("'" + reference.text() + "' at character " + (reference.start() + 1)
                        + " is not a {{ dotted.path }} reference");
            }
        }
        return Optional.ofNullable(SANDBOX.problem(template));
    }
}
