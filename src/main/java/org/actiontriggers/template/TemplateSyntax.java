package org.actiontriggers.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A payload template parsed into literal text and value references — the whole template language, and the
 * sandbox: a reference is a dotted path that is resolved by walking the snapshot's maps, never evaluated as
 * an expression, so a template can read data and do nothing else.
 *
 * <p>Three spellings of a reference are accepted: Django Action Triggers' {@code {{ customer.name }}} and
 * Thymeleaf's {@code [[${customer.name}]]} and {@code [(${customer.name})]}. Any other expression syntax —
 * {@code ${…}}, {@code *{…}}, {@code #{…}}, {@code @{…}}, {@code ~{…}}, {@code {{…}}} or {@code {%…%}} that is
 * not a plain path, Thymeleaf inlining, tags or parser-level comments ({@code [[ [( [# [/}, {@code /*[-}) —
 * is refused with a message, instead of being passed on as text (the renderer hands the literals to Thymeleaf): an author who wrote
 * {@code [[${T(java.lang.Runtime).getRuntime()}]]} or {@code [[${customer.name.toUpperCase()}]]} learns at
 * once that it will not run.
 *
 * @param literals the text around the references: one more than {@code paths}
 * @param paths the dotted path of each reference, in order
 */
public record TemplateSyntax(List<String> literals, List<String> paths) {

    private static final String PATH = References.PATH;

    /** The three spellings; the first, {@code {{ path }}}, is the one {@link References} reads. */
    private static final Pattern REFERENCE = Pattern.compile(References.BRACED_PATH
            + "|\\[\\[\\s*\\$\\{\\s*(" + PATH + ")\\s*}\\s*]]"
            + "|\\[\\(\\s*\\$\\{\\s*(" + PATH + ")\\s*}\\s*\\)]");

    private static final Pattern FORBIDDEN =
            Pattern.compile("[$*#@~]\\{|\\{\\{|\\{%|\\[\\[|\\[\\(|\\[#|\\[/|/\\*\\[-|-]\\*/");
    private static final int EXCERPT = 40;

    /**
     * Parses a template.
     *
     * @throws InvalidTemplateException naming the first construct that is not a plain reference, and where
     */
    public static TemplateSyntax parse(String template) {
        List<String> literals = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        Matcher m = REFERENCE.matcher(template);
        int literalStart = 0;
        while (m.find()) {
            literals.add(checkedLiteral(template, literalStart, m.start()));
            paths.add(m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3));
            literalStart = m.end();
        }
        literals.add(checkedLiteral(template, literalStart, template.length()));
        return new TemplateSyntax(List.copyOf(literals), List.copyOf(paths));
    }

    private static String checkedLiteral(String template, int start, int end) {
        String literal = template.substring(start, end);
        Matcher bad = FORBIDDEN.matcher(literal);
        if (bad.find()) {
            int at = start + bad.start();
            String excerpt = template.substring(at, Math.min(template.length(), at + EXCERPT));
            throw new InvalidTemplateException("'" + excerpt + "' at character " + at + " is not allowed: a template"
                    + " may only refer to values by dotted path — {{ customer.name }}, [[${customer.name}]] or"
                    + " [(${customer.name})] — with no method calls, static access (T(…), @…), object creation,"
                    + " utility objects (#…) or Thymeleaf tags");
        }
        return literal;
    }

    /**
     * The dotted path when the whole text is one reference, give or take surrounding whitespace — its value
     * then keeps its JSON type; else {@code null}.
     */
    public String wholePath() {
        return paths.size() == 1 && literals.get(0).isBlank() && literals.get(1).isBlank() ? paths.get(0) : null;
    }

    /** Follows a dotted path through nested maps; {@code null} where a step is missing, as Django does. */
    public static Object valueAt(Map<String, Object> variables, String path) {
        Object current = variables;
        for (String step : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(step);
        }
        return current;
    }
}
