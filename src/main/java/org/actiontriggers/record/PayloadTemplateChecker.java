package org.actiontriggers.record;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    private static final Pattern BRACES = Pattern.compile("\\{\\{(.*?)}}", Pattern.DOTALL);
    private static final Pattern WHOLE_PATH =
            Pattern.compile("\\s*[A-Za-z_][A-Za-z0-9_]*(?:\\.[A-Za-z_][A-Za-z0-9_]*)*\\s*");
    private static final TemplateValidator SANDBOX = new TemplateValidator();

    @Override
    public Optional<String> problemIn(String template) {
        Matcher braces = BRACES.matcher(template);
        while (braces.find()) {
            if (!WHOLE_PATH.matcher(braces.group(1)).matches()) {
                return Optional.of("'" + braces.group() + "' at character " + (braces.start() + 1)
                        + " is not a {{ dotted.path }} reference");
            }
        }
        return Optional.ofNullable(SANDBOX.problem(template));
    }
}
