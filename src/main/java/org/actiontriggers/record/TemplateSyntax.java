package org.actiontriggers.record;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Django Action Triggers' {@code {{ dotted.path }}} placeholders, translated for Thymeleaf.
 *
 * <p>Each placeholder becomes an unescaped inline expression over a variable of its own, bound to the
 * path's value, so a value can never be read back as template code and a missing step in the path renders
 * as nothing instead of failing (as in Django). Native Thymeleaf ({@code [[${instance.customer.name}]]})
 * passes through unchanged.
 *
 * @param thymeleaf the template in Thymeleaf TEXT syntax
 * @param paths the dotted path of each placeholder, by index of its variable ({@link #variable(int)})
 */
record TemplateSyntax(String thymeleaf, List<String> paths) {

    static final Pattern PLACEHOLDER =
            Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_]*(?:\\.[A-Za-z_][A-Za-z0-9_]*)*)\\s*}}");
    private static final Pattern WHOLE_PLACEHOLDER = Pattern.compile("\\s*" + PLACEHOLDER.pattern() + "\\s*");
    private static final Pattern WHOLE_EXPRESSION = Pattern.compile("\\s*\\[[\\[(]\\$\\{(.+)}[])]]\\s*", Pattern.DOTALL);

    static TemplateSyntax translate(String template) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        List<String> paths = new ArrayList<>();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement("[(${" + variable(paths.size()) + "})]"));
            paths.add(m.group(1));
        }
        m.appendTail(out);
        return new TemplateSyntax(out.toString(), List.copyOf(paths));
    }

    static String variable(int index) {
        return "__placeholder" + index;
    }

    /** The dotted path when the whole text is one {@code {{ path }}}, else {@code null}. */
    static String wholePlaceholder(String template) {
        Matcher m = WHOLE_PLACEHOLDER.matcher(template);
        return m.matches() ? m.group(1) : null;
    }

    /** The expression when the whole text is one {@code [[${…}]]} or {@code [(${…})]}, else {@code null}. */
    static String wholeExpression(String template) {
        Matcher m = WHOLE_EXPRESSION.matcher(template);
        return m.matches() && !m.group(1).contains("}]]") && !m.group(1).contains("})]") ? m.group(1) : null;
    }
}
