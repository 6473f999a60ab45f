package org.actiontriggers.console;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads a time typed into a console filter: an ISO-8601 instant ({@code 2026-11-29T17:00:00Z}), a date and
 * time without zone ({@code 2026-11-29 17:00}, read as UTC like every time the console shows), or a date.
 */
final class TimeInput {

    static final String HINT = "write a UTC time such as 2026-11-29 17:00 or 2026-11-29T17:00:00Z";

    private TimeInput() {}

    /** The time, empty for blank text. */
    static Optional<Instant> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.trim().replace(' ', 'T');
        if (t.endsWith("TUTC")) {
            t = t.substring(0, t.length() - 4) + "Z";
        }
        try {
            return Optional.of(Instant.parse(t));
        } catch (DateTimeParseException notAnInstant) {
            try {
                return Optional.of(LocalDateTime.parse(t).toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException notLocal) {
                try {
                    return Optional.of(LocalDate.parse(t).atStartOfDay().toInstant(ZoneOffset.UTC));
                } catch (DateTimeParseException notADate) {
                    throw new IllegalArgumentException("'" + text.trim() + "' is not a time: " + HINT);
                }
            }
        }
    }
}
