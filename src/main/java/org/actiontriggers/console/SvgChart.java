package org.actiontriggers.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Charts as inline SVG, drawn on the server: nothing fetched from elsewhere, no script, no font but the
 * browser's generic {@code sans-serif}. Every chart is an {@code img} with a {@code <title>} and a
 * {@code <desc>} that says in words what it shows, so a screen reader gets the figures the eye gets from the
 * shapes. Pure and stateless: text in, markup out, every value escaped.
 */
public final class SvgChart {

    /** One named line or bar layer: a value per bucket, {@code null} where there is none. */
    public record Series(String name, String color, List<Double> values) {
        public Series {
            Objects.requireNonNull(name);
            Objects.requireNonNull(color);
            values = java.util.Collections.unmodifiableList(new ArrayList<>(values));
        }
    }

    static final int WIDTH = 560;
    static final int HEIGHT = 180;
    private static final int LEFT = 48;
    private static final int RIGHT = 12;
    private static final int TOP = 22;
    private static final int BOTTOM = 24;

    private SvgChart() {}

    /**
     * Lines over the buckets (for latency or a rate); a {@code null} value breaks the line.
     *
     * @param id unique on the page, for the title's and description's ids
     * @param unit after each value in the axis and description, e.g. {@code " ms"} or {@code " %"}
     * @param firstLabel the time of the first bucket, under its left end
     * @param lastLabel the time at the right end
     */
    public static String lines(
            String id, String title, String unit, String firstLabel, String lastLabel, List<Series> series) {
        int n = buckets(series);
        double max = niceMax(series.stream()
                .flatMap(s -> s.values().stream())
                .filter(Objects::nonNull)
                .mapToDouble(Double::doubleValue)
                .max()
                .orElse(0));
        StringBuilder svg = open(id, title, describe(title, unit, series), WIDTH, HEIGHT);
        axes(svg, max, unit, firstLabel, lastLabel);
        for (Series s : series) {
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < n; i++) {
                Double v = i < s.values().size() ? s.values().get(i) : null;
                if (v == null) {
                    flushLine(svg, points, s.color());
                    continue;
                }
                points.append(num(x(i, n, true)))
                        .append(',')
                        .append(num(y(v, max)))
                        .append(' ');
            }
            flushLine(svg, points, s.color());
        }
        legend(svg, series);
        return svg.append("</svg>").toString();
    }

    /** Bars stacked per bucket (for volume: succeeded below, failed above). */
    public static String stackedBars(
            String id, String title, String unit, String firstLabel, String lastLabel, List<Series> series) {
        int n = buckets(series);
        double top = 0;
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (Series s : series) {
                Double v = i < s.values().size() ? s.values().get(i) : null;
                sum += v == null ? 0 : v;
            }
            top = Math.max(top, sum);
        }
        double max = niceMax(top);
        StringBuilder svg = open(id, title, describe(title, unit, series), WIDTH, HEIGHT);
        axes(svg, max, unit, firstLabel, lastLabel);
        double slot = (WIDTH - LEFT - RIGHT) / (double) Math.max(n, 1);
        double barWidth = Math.max(1, slot * 0.8);
        for (int i = 0; i < n; i++) {
            double base = 0;
            for (Series s : series) {
                Double v = i < s.values().size() ? s.values().get(i) : null;
                if (v == null || v <= 0) {
                    continue;
                }
                double y0 = y(base, max);
                double y1 = y(base + v, max);
                svg.append("<rect x=\"")
                        .append(num(LEFT + i * slot + (slot - barWidth) / 2))
                        .append("\" y=\"")
                        .append(num(y1))
                        .append("\" width=\"")
                        .append(num(barWidth))
                        .append("\" height=\"")
                        .append(num(y0 - y1))
                        .append("\" fill=\"")
                        .append(escape(s.color()))
                        .append("\"/>");
                base += v;
            }
        }
        legend(svg, series);
        return svg.append("</svg>").toString();
    }

    /** A small line without axes, for a table cell; its title says what it shows. */
    public static String sparkline(String id, String title, List<Double> values, String color) {
        int width = 120;
        int height = 24;
        double max = values.stream()
                .filter(Objects::nonNull)
                .mapToDouble(Double::doubleValue)
                .max()
                .orElse(0);
        StringBuilder svg = open(id, title, null, width, height);
        StringBuilder points = new StringBuilder();
        int n = values.size();
        for (int i = 0; i < n; i++) {
            Double v = values.get(i);
            double x = n <= 1 ? width / 2.0 : 1 + i * (width - 2) / (double) (n - 1);
            double y = height - 2 - (max <= 0 || v == null ? 0 : v / max * (height - 4));
            points.append(num(x)).append(',').append(num(y)).append(' ');
        }
        flushLine(svg, points, color);
        return svg.append("</svg>").toString();
    }

    private static StringBuilder open(String id, String title, String description, int width, int height) {
        String safeId = id.replaceAll("[^A-Za-z0-9_-]", "-");
        StringBuilder svg = new StringBuilder(2048);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" width=\"")
                .append(width)
                .append("\" height=\"")
                .append(height)
                .append("\" viewBox=\"0 0 ")
                .append(width)
                .append(' ')
                .append(height)
                .append("\" id=\"")
                .append(safeId)
                .append("\" aria-labelledby=\"")
                .append(safeId)
                .append("-title")
                .append(description == null ? "" : " " + safeId + "-desc")
                .append("\" font-family=\"sans-serif\" font-size=\"10\">")
                .append("<title id=\"")
                .append(safeId)
                .append("-title\">")
                .append(escape(title))
                .append("</title>");
        if (description != null) {
            svg.append("<desc id=\"")
                    .append(safeId)
                    .append("-desc\">")
                    .append(escape(description))
                    .append("</desc>");
        }
        return svg;
    }

    private static void axes(StringBuilder svg, double max, String unit, String firstLabel, String lastLabel) {
        int bottom = HEIGHT - BOTTOM;
        for (int i = 0; i <= 2; i++) {
            double value = max * i / 2;
            double y = y(value, max);
            svg.append("<line x1=\"")
                    .append(LEFT)
                    .append("\" x2=\"")
                    .append(WIDTH - RIGHT)
                    .append("\" y1=\"")
                    .append(num(y))
                    .append("\" y2=\"")
                    .append(num(y))
                    .append("\" stroke=\"#d9e2ec\"/>")
                    .append("<text x=\"")
                    .append(LEFT - 4)
                    .append("\" y=\"")
                    .append(num(y + 3))
                    .append("\" text-anchor=\"end\" fill=\"#616e7c\">")
                    .append(escape(amount(value) + unit))
                    .append("</text>");
        }
        svg.append("<text x=\"")
                .append(LEFT)
                .append("\" y=\"")
                .append(bottom + 16)
                .append("\" fill=\"#616e7c\">")
                .append(escape(firstLabel))
                .append("</text>")
                .append("<text x=\"")
                .append(WIDTH - RIGHT)
                .append("\" y=\"")
                .append(bottom + 16)
                .append("\" text-anchor=\"end\" fill=\"#616e7c\">")
                .append(escape(lastLabel))
                .append("</text>");
    }

    private static void legend(StringBuilder svg, List<Series> series) {
        int x = LEFT;
        for (Series s : series) {
            svg.append("<rect x=\"")
                    .append(x)
                    .append("\" y=\"6\" width=\"10\" height=\"10\" fill=\"")
                    .append(escape(s.color()))
                    .append("\"/>")
                    .append("<text x=\"")
                    .append(x + 14)
                    .append("\" y=\"15\" fill=\"#1f2933\">")
                    .append(escape(s.name()))
                    .append("</text>");
            x += 24 + 7 * s.name().length();
        }
    }

    private static void flushLine(StringBuilder svg, StringBuilder points, String color) {
        if (points.isEmpty()) {
            return;
        }
        String p = points.toString().trim();
        if (p.indexOf(' ') < 0) {
            String[] xy = p.split(",");
            svg.append("<circle cx=\"")
                    .append(xy[0])
                    .append("\" cy=\"")
                    .append(xy[1])
                    .append("\" r=\"2\" fill=\"")
                    .append(escape(color))
                    .append("\"/>");
        } else {
            svg.append("<polyline fill=\"none\" stroke-width=\"1.5\" stroke=\"")
                    .append(escape(color))
                    .append("\" points=\"")
                    .append(p)
                    .append("\"/>");
        }
        points.setLength(0);
    }

    /** In words: per series, its range and its latest value; for those who cannot see the lines. */
    static String describe(String title, String unit, List<Series> series) {
        StringBuilder text = new StringBuilder(title).append(". ");
        for (Series s : series) {
            List<Double> present = s.values().stream().filter(Objects::nonNull).toList();
            text.append(s.name()).append(": ");
            if (present.isEmpty()) {
                text.append("no data. ");
                continue;
            }
            double min = present.stream().mapToDouble(Double::doubleValue).min().orElse(0);
            double max = present.stream().mapToDouble(Double::doubleValue).max().orElse(0);
            text.append("from ")
                    .append(amount(min))
                    .append(unit)
                    .append(" to ")
                    .append(amount(max))
                    .append(unit)
                    .append(", latest ")
                    .append(amount(present.get(present.size() - 1)))
                    .append(unit)
                    .append(" (")
                    .append(present.size())
                    .append(" of ")
                    .append(s.values().size())
                    .append(" intervals with data). ");
        }
        return text.toString().trim();
    }

    private static int buckets(List<Series> series) {
        return series.stream().mapToInt(s -> s.values().size()).max().orElse(0);
    }

    private static double x(int i, int n, boolean centre) {
        double slot = (WIDTH - LEFT - RIGHT) / (double) Math.max(n, 1);
        return LEFT + i * slot + (centre ? slot / 2 : 0);
    }

    private static double y(double value, double max) {
        double plot = HEIGHT - TOP - BOTTOM;
        return HEIGHT - BOTTOM - (max <= 0 ? 0 : value / max * plot);
    }

    /** A round upper bound for the axis: 1, 2 or 5 times a power of ten, at least the largest value. */
    static double niceMax(double max) {
        if (max <= 0) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(max)));
        for (double step : new double[] {1, 2, 5, 10}) {
            if (step * power >= max) {
                return step * power;
            }
        }
        return 10 * power;
    }

    /** A value as a person reads it: whole numbers without decimals, others to one decimal. */
    static String amount(double value) {
        if (value == Math.rint(value)) {
            return Long.toString((long) value);
        }
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static String num(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /** Escapes text for XML content and attribute values. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char ch : text.toCharArray()) {
            switch (ch) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(ch < 0x20 && ch != '\n' && ch != '\t' ? ' ' : ch);
            }
        }
        return out.toString();
    }
}
