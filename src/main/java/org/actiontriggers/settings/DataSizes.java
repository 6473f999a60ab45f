package org.actiontriggers.settings;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sizes in settings: {@code 4096}, {@code 512B}, {@code 64KiB} or {@code 1MiB}. */
final class DataSizes {

    private static final Pattern SIZE = Pattern.compile("(\\d{1,12})\\s*(b|kib|mib)?");

    private DataSizes() {}

    /** The size in bytes; {@link IllegalArgumentException} with a message that shows the accepted forms. */
    static long parse(String text) {
        Matcher m = SIZE.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "'" + text.trim() + "' is not a size; write e.g. 4096, 512B, 64KiB or 1MiB");
        }
        long value = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "b" : m.group(2);
        return switch (unit) {
            case "kib" -> value * 1024;
            case "mib" -> value * 1024 * 1024;
            default -> value;
        };
    }
}
