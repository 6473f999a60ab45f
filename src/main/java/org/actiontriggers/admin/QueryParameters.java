package org.actiontriggers.admin;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Reads query parameters strictly: a value that is not of the expected form is a 400 naming the parameter,
 * never a silent default (JAX-RS itself would answer 404 for a parameter it cannot convert).
 */
final class QueryParameters {

    static final int DEFAULT_PAGE_SIZE = 20;
    static final int MAX_PAGE_SIZE = 100;

    private QueryParameters() {}

    /** The page number, from 1; 1 when absent. */
    static int page(String raw) {
        return wholeNumber("page", raw, 1, 1, Integer.MAX_VALUE);
    }

    /** The page size; {@value #DEFAULT_PAGE_SIZE} when absent, at most {@value #MAX_PAGE_SIZE}. */
    static int pageSize(String raw) {
        return wholeNumber("page_size", raw, DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE);
    }

    static Boolean bool(String name, String raw) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        return switch (raw.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw invalid(name, "must be true or false, not '" + raw + "'");
        };
    }

    static Long id(String name, String raw) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw invalid(name, "must be a whole number, not '" + raw + "'");
        }
    }

    /** An ISO-8601 instant with offset, e.g. {@code 2026-11-29T15:00:00Z}. */
    static Instant instant(String name, String raw) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(raw).toInstant();
        } catch (DateTimeParseException e) {
            throw invalid(name, "must be an ISO-8601 time with offset, e.g. 2026-11-29T15:00:00Z, not '" + raw + "'");
        }
    }

    /** An optional whole number in a range; {@code fallback} when absent. */
    static int number(String name, String raw, int fallback, int min, int max) {
        return wholeNumber(name, raw, fallback, min, max);
    }

    static ProblemException invalid(String name, String detail) {
        return new ProblemException(Problem.invalidParameter(name, detail));
    }

    private static int wholeNumber(String name, String raw, int fallback, int min, int max) {
        if (raw == null || raw.isEmpty()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw invalid(name, "must be a whole number from " + min + " to " + max + ", not '" + raw + "'");
    }
}
