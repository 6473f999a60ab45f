package org.actiontriggers.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one scanner of {@code {{ }}} references, and the two kinds of path they hold — for everyone who reads
 * them: payload templates ({@link TemplateSyntax}, the record stage's template check), dynamic header and
 * connection values (the validation, the sender's resolver) and masking (a reference is a name, not a
 * secret, so it is shown as written).
 *
 * <p>A reference is two opening braces, anything up to the next two closing ones, and those: {@code {{ … }}}.
 * What it holds decides what it is: a <em>dotted path</em> into a payload's values ({@code customer.name}), or a <em>member path</em> to a
 * Java class's member ({@code com.example.Secrets.apiKey}: at least two steps, {@code $} allowed), each give or
 * take surrounding whitespace. Anything else between the braces is a reference of neither kind, for the
 * caller to refuse.
 */
public final class References {

    /** A dotted path into a payload's values, e.g. {@code customer.name}. */
    static final String PATH = "[A-Za-z_][A-Za-z0-9_]*(?:\\.[A-Za-z_][A-Za-z0-9_]*)*";

    /** A Java class member, e.g. {@code com.example.Secrets.apiKey}. */
    private static final String MEMBER_PATH = "[A-Za-z_$][\\w$]*(?:\\.[A-Za-z_$][\\w$]*)+";

    /** {@code {{ dotted.path }}} written well, the path captured: the template grammar's first spelling. */
    static final String BRACED_PATH = "\\{\\{\\s*(" + PATH + ")\\s*}}";

    private static final Pattern BRACES = Pattern.compile("\\{\\{(.*?)}}", Pattern.DOTALL);
    private static final Pattern SPACED_PATH = Pattern.compile("\\s*(" + PATH + ")\\s*");
    private static final Pattern SPACED_MEMBER_PATH = Pattern.compile("\\s*(" + MEMBER_PATH + ")\\s*");
    private static final Pattern WHOLE_MEMBER_PATH = Pattern.compile(MEMBER_PATH);

    private References() {}

    /**
     * One {@code {{ … }}} in a text.
     *
     * @param start where it begins in the text
     * @param end just after where it ends
     * @param text the reference as written, braces included
     * @param inside what the braces hold, as written
     */
    public record Reference(int start, int end, String text, String inside) {

        /** The dotted path it holds, e.g. {@code customer.name}; empty when it holds something else. */
        public Optional<String> path() {
            return group(SPACED_PATH);
        }

        /** The member path it holds, e.g. {@code com.example.Secrets.apiKey}; empty when it holds something else. */
        public Optional<String> memberPath() {
            return group(SPACED_MEMBER_PATH);
        }

        private Optional<String> group(Pattern pattern) {
            Matcher m = pattern.matcher(inside);
            return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
        }
    }

    /** Every reference in the text, in order; none in {@code null}. */
    public static List<Reference> in(String text) {
        List<Reference> references = new ArrayList<>();
        if (text == null) {
            return references;
        }
        Matcher m = BRACES.matcher(text);
        while (m.find()) {
            references.add(new Reference(m.start(), m.end(), m.group(), m.group(1)));
        }
        return references;
    }

    /** Whether the text is a member path, e.g. an entry of the allowed dynamic import paths. */
    public static boolean isMemberPath(String text) {
        return text != null && WHOLE_MEMBER_PATH.matcher(text).matches();
    }
}
