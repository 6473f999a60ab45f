package org.actiontriggers.admin;

import jakarta.ws.rs.core.EntityTag;
import java.util.HashSet;
import java.util.Set;
import java.util.function.LongPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The config's version as an HTTP entity tag (RFC 9110 §8.8.3), and {@code If-Match} read as a condition on
 * it (§13.1.1), so that a client's change based on an old read is refused with 412 instead of silently
 * overwriting someone else's.
 *
 * <p>The tag is strong ({@code "7"}): each version has exactly one representation. {@code If-Match} compares
 * strongly, so a weak tag ({@code W/"7"}) never matches. {@code If-Match} is optional — Django Action
 * Triggers' clients do not send it and keep working, last write wins for them — and {@code *} matches any
 * stored version.
 */
final class EntityTags {

    /** A strong tag of ours in an {@code If-Match} list; anything else in the list never matches. */
    private static final Pattern STRONG = Pattern.compile("(?<![A-Za-z/])\"(\\d{1,18})\"");

    private EntityTags() {}

    static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    /**
     * The condition an {@code If-Match} header puts on the stored version.
     *
     * @return {@code null} when there is no condition (no header, or {@code *})
     */
    static LongPredicate ifMatch(String header) {
        if (header == null || header.isBlank() || header.trim().equals("*")) {
            return null;
        }
        Set<Long> versions = new HashSet<>();
        Matcher m = STRONG.matcher(header);
        while (m.find()) {
            versions.add(Long.parseLong(m.group(1)));
        }
        return versions::contains;
    }
}
