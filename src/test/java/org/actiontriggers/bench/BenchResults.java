package org.actiontriggers.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The figures of one run, printed as a table and written as Markdown and CSV. */
final class BenchResults {

    /**
     * One figure.
     *
     * @param ratio the figure against what it is compared with, or empty
     * @param target what issues 7 and 15 ask of the ratio or the figure, or empty
     * @param met {@code "yes"}, {@code "NO"} or empty when there is no target
     */
    record Row(
            String database,
            String section,
            String figure,
            String value,
            String comparedWith,
            String ratio,
            String target,
            String met) {}

    private final List<String> header = new ArrayList<>();
    private final List<Row> rows = new ArrayList<>();
    private String database = "";

    void header(String line) {
        header.add(line);
    }

    /** The database the following rows were measured on. */
    void database(String name) {
        database = name;
    }

    /** A row with a target of its own (not a ratio): met when {@code met}. */
    void check(String section, String figure, String value, String target, boolean met) {
        rows.add(new Row(database, section, figure, value, "", "", target, met ? "yes" : "NO"));
    }

    void add(String section, String figure, String value) {
        rows.add(new Row(database, section, figure, value, "", "", "", ""));
    }

    void ratio(String section, String figure, double value, String comparedWith, double reference, String unit) {
        rows.add(new Row(database, section, figure, fmt(value) + unit, comparedWith, ratio(value, reference), "", ""));
    }

    /** A ratio with a target: met when the ratio is at most {@code max} (or at least, when {@code atLeast}). */
    void target(
            String section,
            String figure,
            double value,
            String unit,
            String comparedWith,
            double reference,
            boolean atLeast,
            double bound) {
        double r = value / reference;
        boolean met = atLeast ? r >= bound : r <= bound;
        rows.add(new Row(
                database,
                section,
                figure,
                fmt(value) + unit,
                comparedWith,
                ratio(value, reference),
                (atLeast ? "≥ " : "≤ ") + fmt(bound) + "×",
                met ? "yes" : "NO"));
    }

    /** A figure with an absolute bound. */
    void bound(String section, String figure, double value, String unit, boolean atLeast, double bound) {
        boolean met = atLeast ? value >= bound : value < bound;
        rows.add(new Row(
                database,
                section,
                figure,
                fmt(value) + unit,
                "",
                "",
                (atLeast ? "≥ " : "< ") + fmt(bound) + unit,
                met ? "yes" : "NO"));
    }

    /** The header, every figure, then the rows with a target again, so met/NO can be read at a glance. */
    String markdown() {
        StringBuilder out = new StringBuilder();
        header.forEach(h -> out.append(h).append("  \n"));
        out.append('\n');
        table(out, rows);
        List<Row> targets = rows.stream().filter(r -> !r.target().isEmpty()).toList();
        long met = targets.stream().filter(r -> r.met().equals("yes")).count();
        out.append("\nTargets: ")
                .append(met)
                .append(" of ")
                .append(targets.size())
                .append(" met\n\n");
        table(out, targets);
        return out.toString();
    }

    private static void table(StringBuilder out, List<Row> rows) {
        out.append("| database | case | figure | value | compared with | ratio | target | met |\n");
        out.append("|---|---|---|---:|---|---:|---|---|\n");
        for (Row r : rows) {
            out.append("| ")
                    .append(String.join(
                            " | ",
                            r.database(),
                            r.section(),
                            r.figure(),
                            r.value(),
                            r.comparedWith(),
                            r.ratio(),
                            r.target(),
                            r.met()))
                    .append(" |\n");
        }
    }

    String csv() {
        StringBuilder out = new StringBuilder("database,case,figure,value,compared_with,ratio,target,met\n");
        for (Row r : rows) {
            out.append(String.join(
                            ",",
                            csv(r.database()),
                            csv(r.section()),
                            csv(r.figure()),
                            csv(r.value()),
                            csv(r.comparedWith()),
                            csv(r.ratio()),
                            csv(r.target()),
                            csv(r.met())))
                    .append('\n');
        }
        return out.toString();
    }

    void write(Path dir) throws IOException {
        Files.writeString(dir.resolve("results.md"), markdown());
        Files.writeString(dir.resolve("results.csv"), csv());
    }

    static String fmt(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "n/a";
        }
        double a = Math.abs(v);
        String pattern = a >= 100 ? "%,.0f" : a >= 10 ? "%.1f" : a >= 1 ? "%.2f" : "%.3f";
        return String.format(Locale.ROOT, pattern, v);
    }

    private static String ratio(double value, double reference) {
        return fmt(value / reference) + "×";
    }

    private static String csv(String field) {
        return field.contains(",") || field.contains("\"") ? "\"" + field.replace("\"", "\"\"") + "\"" : field;
    }
}
