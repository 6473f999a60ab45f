package org.actiontriggers.it;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * Test settings with some keys changed, as the text of a {@code microprofile-config.properties}.
 *
 * <p>An overridden key replaces the base file's line instead of following it: SmallRye Config (WildFly) warns
 * about a key that occurs twice in one file and prints the old value — a secret, for the encryption key.
 */
public final class SettingsText {

    private SettingsText() {}

    /** The base lines without those whose key the overrides set, then the override lines. */
    public static String withOverrides(String base, String overrides) {
        Set<String> overridden = overrides
                .lines()
                .map(SettingsText::keyOf)
                .filter(key -> !key.isEmpty())
                .collect(Collectors.toSet());
        String kept =
                base.lines().filter(line -> !overridden.contains(keyOf(line))).collect(Collectors.joining("\n"));
        return kept + "\n" + overrides + "\n";
    }

    /** The key of a {@code key=value} line; empty for a blank line or a comment. */
    static String keyOf(String line) {
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("!")) {
            return "";
        }
        int end = trimmed.indexOf('=');
        return (end < 0 ? trimmed : trimmed.substring(0, end)).strip();
    }
}
