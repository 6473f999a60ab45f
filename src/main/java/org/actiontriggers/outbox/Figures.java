package org.actiontriggers.outbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A destination's attempts over one {@link FigureWindow}: how many succeeded and failed, the latency's median
 * and 99th percentile, the same per bucket for a chart, and whether only the latest rows were counted
 * ({@code truncated}: the figures are then those of the latest attempts, not of the whole window).
 *
 * @param p50Millis median latency of the window's attempts in milliseconds, or {@code null} without any
 * @param p99Millis 99th percentile, nearest rank, or {@code null}
 * @param buckets oldest first, {@link FigureWindow#buckets()} of them, the last ending at {@code end}
 */
public record Figures(
        FigureWindow window,
        Instant end,
        long succeeded,
        long failed,
        Long p50Millis,
        Long p99Millis,
        List<Bucket> buckets,
        boolean truncated) {

    /** One bucket of a chart: the attempts that started in {@code [start, start + bucket)}. */
    public record Bucket(Instant start, long succeeded, long failed, Long p50Millis, Long p99Millis) {

        public long volume() {
            return succeeded + failed;
        }

        /** Share of attempts that succeeded, 0 to 1, or {@code null} without any. */
        public Double successRate() {
            return rate(succeeded, failed);
        }
    }

    /** One attempt as figures need it. */
    public record Sample(Instant at, boolean succeeded, long latencyMillis) {}

    public long volume() {
        return succeeded + failed;
    }

    /** Share of attempts that succeeded, 0 to 1, or {@code null} without any. */
    public Double successRate() {
        return rate(succeeded, failed);
    }

    /**
     * The figures of the samples that fall into the window ending at {@code end} (the others are ignored).
     * Pure, so that buckets and percentiles are tested without a database.
     */
    public static Figures of(FigureWindow window, Instant end, List<Sample> samples, boolean truncated) {
        Instant start = end.minus(window.length());
        long bucketMillis = window.bucket().toMillis();
        int n = window.buckets();
        List<List<Sample>> perBucket = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            perBucket.add(new ArrayList<>());
        }
        List<Sample> inWindow = new ArrayList<>();
        for (Sample s : samples) {
            if (s.at().isBefore(start) || !s.at().isBefore(end)) {
                continue;
            }
            inWindow.add(s);
            int index = (int) ((s.at().toEpochMilli() - start.toEpochMilli()) / bucketMillis);
            perBucket.get(Math.min(index, n - 1)).add(s);
        }
        List<Bucket> buckets = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            List<Sample> in = perBucket.get(i);
            long[] latencies = latencies(in);
            buckets.add(new Bucket(
                    start.plusMillis(i * bucketMillis),
                    count(in, true),
                    count(in, false),
                    percentile(latencies, 50),
                    percentile(latencies, 99)));
        }
        long[] all = latencies(inWindow);
        return new Figures(
                window,
                end,
                count(inWindow, true),
                count(inWindow, false),
                percentile(all, 50),
                percentile(all, 99),
                List.copyOf(buckets),
                truncated);
    }

    /**
     * The nearest-rank percentile: the smallest value that at least {@code p} % of the values do not
     * exceed; {@code null} for no values.
     */
    static Long percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return null;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }

    private static long[] latencies(List<Sample> samples) {
        long[] values = samples.stream().mapToLong(Sample::latencyMillis).toArray();
        Arrays.sort(values);
        return values;
    }

    private static long count(List<Sample> samples, boolean succeeded) {
        return samples.stream().filter(s -> s.succeeded() == succeeded).count();
    }

    private static Double rate(long succeeded, long failed) {
        long total = succeeded + failed;
        return total == 0 ? null : (double) succeeded / total;
    }
}
