package org.actiontriggers.record;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A payload template translated for Thymeleaf's TEXT mode.
 *
 * <ul>
 *   <li>Each Django Action Triggers placeholder {@code {{ dotted.path }}} becomes an unescaped inline
 *       expression over a variable of its own, bound to the path's value: a value is never read back as
 *       template code, and a missing step in the path renders as nothing instead of failing, as in Django.
 *   <li>Native escaped inlining {@code [[${…}]]} becomes unescaped {@code [(${…})]}: the text is going into
 *       a JSON string or a text body, where HTML escaping ({@code O&#39;Brien}) would corrupt the data.
 *   <li>A literal {@code [} right before a placeholder is emitted through a variable too, so that it cannot
 *       merge with the generated {@code [(} into Thymeleaf's {@code [[}.
 * </ul>
 *
 * @param thymeleaf the template in Thymeleaf TEXT syntax
 * @param paths the dotted path of each placeholder, by index of its variable ({@link #variable(int)})
 */
record TemplateSyntax(String thymeleaf, List<String> paths) {

    static final String PATH = "[A-Za-z_][A-Za-z0-9_]*(?:\\.[A-Za-z_][A-Za-z0-9_]*)*";
    static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*(" + PATH + ")\\s*}}");
    static final String LEFT_BRACKET = "__leftBracket";

    private static final Pattern ESCAPED_INLINE = Pattern.compile("\\[\\[(.*?)]]", Pattern.DOTALL);
    private static final Pattern WHOLE_PLACEHOLDER = Pattern.compile("\\s*" + PLACEHOLDER.pattern() + "\\s*");
    private static final Pattern WHOLE_PATH_EXPRESSION = Pattern.compile(
            "\\s*(?:\\[\\[\\$\\{\\s*(" + PATH + ")\\s*}]]|\\[\\(\\$\\{\\s*(" + PATH + ")\\s*}\\)])\\s*");

    static TemplateSyntax translate(String template) {
        String unescaped =
                ESCAPED_INLINE.matcher(template).replaceAll(m -> Matcher.quoteReplacement("[(" + m.group(1) + ")]"));
        Matcher m = PLACEHOLDER.matcher(unescaped);
        StringBuilder out = new StringBuilder();
        List<String> paths = new ArrayList<>();
        int literalStart = 0;
        while (m.find()) {
            String literal = unescaped.substring(literalStart, m.start());
            int brackets = 0;
            while (literal.endsWith("[")) {
                literal = literal.substring(0, literal.length() - 1);
                brackets++;
            }
            out.append(literal);
            out.append(("[(${" + LEFT_BRACKET + "})]").repeat(brackets));
            out.append("[(${").append(variable(paths.size())).append("})]");
            paths.add(m.group(1));
            literalStart = m.end();
        }
        out.append(unescaped.substring(literalStart));
        return new TemplateSyntax(out.toString(), List.copyOf(paths));
    }

    static String variable(int index) {
        return "__placeholder" + index;
    }

    /**
     * The dotted path when the whole text is one value reference — {@code {{ path }}}, {@code [[${path}]]} or
     * {@code [(${path})]} — whose value then keeps its JSON type; else {@code null}.
     */
    static String wholePath(String template) {
        Matcher m = WHOLE_PLACEHOLDER.matcher(template);
        if (m.matches()) {
            return m.group(1);
        }
        m = WHOLE_PATH_EXPRESSION.matcher(template);
        if (m.matches()) {
            return m.group(1) != null ? m.group(1) : m.group(2);
        }
        return null;
    }
}
