package org.actiontriggers.secret;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.actiontriggers.template.References;
import org.actiontriggers.template.References.Reference;

/**
 * Hides credentials in webhook header values before they are shown or logged, while keeping what an admin
 * needs to recognise the header: {@code {{ path }}} references stay as written (they are names, not secrets)
 * and so does a leading authentication scheme ({@code Bearer}, {@code Basic}, …).
 *
 * <p>A value is masked when its header's name says it carries a credential ({@code Authorization},
 * {@code Cookie}, {@code *-Key}, {@code *token*}, {@code *secret*}, {@code *password*}); in any other header,
 * a hard-coded run of 16 or more letters and digits, which looks like a key, is masked as well.
 */
public final class SecretMasker {

    /** What a hidden value is replaced with. */
    public static final String MASK = "****";

    private static final Pattern SCHEME = Pattern.compile("(?i)(Bearer|Basic|Token|Digest|ApiKey|Key)\\s+");
    private static final Pattern WORD = Pattern.compile("\\S+");
    private static final Pattern KEY_LIKE = Pattern.compile("[A-Za-z0-9+/=_.~-]{16,}");

    private SecretMasker() {}

    /** The headers with every credential value masked, in the same order. */
    public static Map<String, String> maskHeaders(Map<String, String> headers) {
        Map<String, String> masked = new LinkedHashMap<>();
        headers.forEach((name, value) -> masked.put(name, mask(name, value)));
        return masked;
    }

    /** One header value as it may be shown. */
    public static String mask(String name, String value) {
        if (value == null) {
            return null;
        }
        boolean credential = isCredentialHeader(name);
        StringBuilder out = new StringBuilder();
        int literalStart = 0;
        for (Reference ref : References.in(value)) {
            out.append(maskLiteral(value.substring(literalStart, ref.start()), credential, literalStart == 0));
            out.append(ref.text());
            literalStart = ref.end();
        }
        out.append(maskLiteral(value.substring(literalStart), credential, literalStart == 0));
        return out.toString();
    }

    /** Whether the header's name says it carries a credential. */
    public static boolean isCredentialHeader(String name) {
        String n = name == null ? "" : name.toLowerCase(Locale.ROOT);
        return n.equals("authorization")
                || n.equals("proxy-authorization")
                || n.equals("cookie")
                || n.endsWith("key")
                || n.contains("token")
                || n.contains("secret")
                || n.contains("password");
    }

    private static String maskLiteral(String literal, boolean credential, boolean atStart) {
        if (literal.isEmpty()) {
            return literal;
        }
        if (!credential) {
            return KEY_LIKE.matcher(literal).replaceAll(m -> looksLikeKey(m.group()) ? MASK : m.group());
        }
        String kept = "";
        String rest = literal;
        Matcher scheme = SCHEME.matcher(literal);
        if (atStart && scheme.lookingAt()) {
            kept = scheme.group();
            rest = literal.substring(scheme.end());
        }
        return kept + WORD.matcher(rest).replaceAll(MASK);
    }

    private static boolean looksLikeKey(String run) {
        return run.chars().anyMatch(Character::isDigit) && run.chars().anyMatch(Character::isLetter);
    }
}
