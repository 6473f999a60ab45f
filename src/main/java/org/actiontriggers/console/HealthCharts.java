package org.actiontriggers.console;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.actiontriggers.outbox.FigureWindow;
import org.actiontriggers.outbox.Figures;

/**
 * A destination's figures as the health pages draw them: success rate, volume and latency per bucket, and a
 * sparkline of the success rate for the overview. Pure: figures in, SVG markup out.
 */
final class HealthCharts {

    static final String OK = "#1e7b4b";
    static final String BAD = "#b42318";
    static final String P50 = "#2f6fdb";
    static final String P99 = "#a15c07";

    private static final DateTimeFormatter CLOCK =
            DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private HealthCharts() {}

    static String successRate(String id, Figures f) {
        return SvgChart.lines(
                id,
                "Success rate, last " + f.window().label(),
                " %",
                first(f),
                last(f),
                List.of(new SvgChart.Series(
                        "succeeded",
                        OK,
                        f.buckets().stream()
                                .map(b -> b.successRate() == null ? null : b.successRate() * 100)
                                .toList())));
    }

    static String volume(String id, Figures f) {
        return SvgChart.stackedBars(
                id,
                "Attempts per " + bucket(f.window()) + ", last " + f.window().label(),
                "",
                first(f),
                last(f),
                List.of(
                        new SvgChart.Series(
                                "succeeded",
                                OK,
                                f.buckets().stream()
                                        .map(b -> (double) b.succeeded())
                                        .toList()),
                        new SvgChart.Series(
                                "failed",
                                BAD,
                                f.buckets().stream()
                                        .map(b -> (double) b.failed())
                                        .toList())));
    }

    static String latency(String id, Figures f) {
        return SvgChart.lines(
                id,
                "Latency p50 and p99, last " + f.window().label(),
                " ms",
                first(f),
                last(f),
                List.of(
                        new SvgChart.Series(
                                "p50",
                                P50,
                                f.buckets().stream()
                                        .map(b -> b.p50Millis() == null ? null : (double) b.p50Millis())
                                        .toList()),
                        new SvgChart.Series(
                                "p99",
                                P99,
                                f.buckets().stream()
                                        .map(b -> b.p99Millis() == null ? null : (double) b.p99Millis())
                                        .toList())));
    }

    /** The volume per bucket as a small line, titled with the window's totals. */
    static String sparkline(String id, Figures f) {
        return SvgChart.sparkline(
                id,
                "Attempts per " + bucket(f.window()) + " over the last "
                        + f.window().label() + ": " + f.volume() + " in all, " + f.failed() + " failed",
                f.buckets().stream().map(b -> (double) b.volume()).toList(),
                f.failed() > 0 ? BAD : OK);
    }

    private static String bucket(FigureWindow window) {
        return switch (window) {
            case HOUR -> "5 minutes";
            case DAY -> "hour";
            case WEEK -> "6 hours";
        };
    }

    private static String first(Figures f) {
        return time(f, f.end().minus(f.window().length()));
    }

    private static String last(Figures f) {
        return time(f, f.end()) + " UTC";
    }

    private static String time(Figures f, java.time.Instant at) {
        return (f.window() == FigureWindow.WEEK ? DATE : CLOCK).format(at);
    }
}
