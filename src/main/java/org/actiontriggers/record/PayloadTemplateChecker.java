package org.actiontriggers.record;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.actiontriggers.capture.EntityChange;
import org.actiontriggers.capture.EntitySnapshot;
import org.actiontriggers.config.Signal;
import org.actiontriggers.config.TemplateChecker;
import org.thymeleaf.exceptions.TemplateProcessingException;

/**
 * Checks a payload template by rendering it, with the very renderer deliveries use, against an entity with
 * no properties: what fails to parse fails here, while a path that names nothing (which renders as nothing,
 * as in Django) passes.
 *
 * <p>Also refuses {@code {{ … }}} that is not a dotted path: the renderer would send it literally, which is
 * never what was meant.
 */
@ApplicationScoped
public class PayloadTemplateChecker implements TemplateChecker {

    private static final Pattern BRACES = Pattern.compile("\\{\\{(.*?)}}", Pattern.DOTALL);
    private static final Pattern WHOLE_PATH = Pattern.compile("\\s*" + TemplateSyntax.PATH + "\\s*");

    @Inject
    PayloadRenderer renderer;

    PayloadTemplateChecker() {}

    public PayloadTemplateChecker(PayloadRenderer renderer) {
        this.renderer = renderer;
    }

    @Override
    public Optional<String> problemIn(String template) {
        Matcher braces = BRACES.matcher(template);
        while (braces.find()) {
            if (!WHOLE_PATH.matcher(braces.group(1)).matches()) {
                return Optional.of("'" + braces.group() + "' at character " + (braces.start() + 1)
                        + " is not a {{ dotted.path }} reference");
            }
        }
        EntitySnapshot empty = new EntitySnapshot("Sample", null, Map.of(), true);
        EntityChange sample = new EntityChange(Signal.POST_SAVE, EntityChange.Operation.CREATE, empty, Instant.EPOCH);
        try {
            renderer.render(Json.createValue(template), sample);
            return Optional.empty();
        } catch (PayloadRenderingException e) {
            return syntaxError(e);
        }
    }

    /**
     * A parse error with the expression and its line (the engine's column counts the translated template, so it
     * is left out); a failure to evaluate against an entity without data is not one.
     */
    private static Optional<String> syntaxError(PayloadRenderingException e) {
        TemplateProcessingException thymeleaf = null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getClass().getName().equals("ognl.ExpressionSyntaxException")) {
                return Optional.of("does not parse: " + firstLine(t.getMessage()) + where(thymeleaf));
            }
            if (t.getClass().getName().startsWith("ognl.")) {
                return Optional.empty();
            }
            if (t instanceof TemplateProcessingException tpe && thymeleaf == null) {
                thymeleaf = tpe;
            }
        }
        String message = thymeleaf == null ? e.getMessage() : thymeleaf.getMessage();
        int templateName = message == null ? -1 : message.indexOf(" (template:");
        if (templateName > 0) {
            message = message.substring(0, templateName);
        }
        return Optional.of("does not parse: " + firstLine(message) + where(thymeleaf));
    }

    private static String where(TemplateProcessingException e) {
        return e == null || e.getLine() == null ? "" : " (line " + e.getLine() + ")";
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "unknown error";
        }
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }
}
