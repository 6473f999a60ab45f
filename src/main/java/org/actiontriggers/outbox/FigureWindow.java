package org.actiontriggers.outbox;

import java.time.Duration;
import java.util.Locale;

/**
 * A span of time over which a destination's figures are taken, cut into equal buckets for a chart: the last
 * hour in 5-minute buckets, the last day in hours, the last week in 6-hour quarters of a day.
 */
public enum FigureWindow {
    HOUR(Duration.ofHours(1), Duration.ofMinutes(5)),
    DAY(Duration.ofDays(1), Duration.ofHours(1)),
    WEEK(Duration.ofDays(7), Duration.ofHours(6));

    private final Duration length;
    private final Duration bucket;

    FigureWindow(Duration length, Duration bucket) {
        this.length = length;
        this.bucket = bucket;
    }

    public Duration length() {
        return length;
    }

    public Duration bucket() {
        return bucket;
    }

    public int buckets() {
        return (int) (length.toMillis() / bucket.toMillis());
    }

    /** {@code hour}, {@code day}, {@code week}: as the API and the pages name it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
