package org.actiontriggers.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * What the benchmark learns about the machine from {@code /proc} (Linux): load average, CPU idle time,
 * a process's resident set, and the facts for the results header. A figure is only worth comparing when the
 * machine was quiet, so every case starts with {@link #awaitQuiet} and the table shows what it saw.
 */
final class BenchMachine {

    private BenchMachine() {}

    /**
     * What the quiet gate saw before a case.
     *
     * @param load the 1-minute load average when the case started
     * @param idlePercent CPU idle over the last window, or NaN when not sampled
     * @param waitedSeconds how long the gate waited
     * @param quiet whether a criterion held (else the wait ran out)
     */
    record Quiet(double load, double idlePercent, double waitedSeconds, boolean quiet) {}

    /**
     * Waits, at most {@code max}, until the 1-minute load average is below {@code maxLoad} or — unless
     * {@code strict} — the CPU was at least {@code minIdlePercent} idle over the last {@code window}. The second
     * criterion exists because the load average trails by minutes: after a case that kept both cores busy it
     * stays above 1 for a minute or two although nothing runs any more, and waiting that out before each of
     * twenty cases would double the run.
     */
    static Quiet awaitQuiet(double maxLoad, double minIdlePercent, Duration window, Duration max, boolean strict) {
        long start = System.nanoTime();
        long deadline = start + max.toNanos();
        Deque<long[]> samples = new ArrayDeque<>();
        while (true) {
            long now = System.nanoTime();
            long[] cpu = cpuTicks();
            samples.addLast(new long[] {now, cpu[0], cpu[1]});
            while (samples.size() > 1 && now - samples.peekFirst()[0] > window.toNanos() + 500_000_000L) {
                samples.removeFirst();
            }
            double idle = idlePercent(samples, window);
            double load = load1();
            double waited = (now - start) / 1e9;
            if (load < maxLoad || (!strict && !Double.isNaN(idle) && idle >= minIdlePercent)) {
                return new Quiet(load, idle, waited, true);
            }
            if (now >= deadline) {
                return new Quiet(load, idle, waited, false);
            }
            LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1)); // polling the kernel's counters, not a handshake
        }
    }

    /** Idle share of all CPU ticks between the oldest sample at least {@code window} old and the newest; NaN before. */
    private static double idlePercent(Deque<long[]> samples, Duration window) {
        long[] newest = samples.peekLast();
        long[] base = null;
        for (long[] s : samples) {
            if (newest[0] - s[0] >= window.toNanos()) {
                base = s;
            }
        }
        if (base == null || newest[1] == base[1]) {
            return Double.NaN;
        }
        return 100.0 * (newest[2] - base[2]) / (newest[1] - base[1]);
    }

    /** All CPU ticks and the idle ones, from the first line of {@code /proc/stat}; zeros when unreadable. */
    private static long[] cpuTicks() {
        try {
            String line = Files.readAllLines(Path.of("/proc/stat")).get(0);
            String[] f = line.trim().split("\\s+");
            long total = 0;
            // user nice system idle iowait irq softirq steal; guest time is already counted in user
            for (int i = 1; i <= Math.min(8, f.length - 1); i++) {
                total += Long.parseLong(f[i]);
            }
            return new long[] {total, Long.parseLong(f[4])};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }

    /** The 1-minute load average; NaN when unreadable. */
    static double load1() {
        try {
            return Double.parseDouble(loadAverages().split(" ")[0]);
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    /** The 1-, 5- and 15-minute load averages as the kernel prints them. */
    static String loadAverages() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }

    /** A process's resident set ({@code VmRSS}) in bytes; -1 when unknown. */
    static long rssBytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    String[] f = line.substring(6).trim().split("\\s+");
                    return Long.parseLong(f[0]) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or the process is gone
        }
        return -1;
    }

    /** Cores, memory and CPU model, for the results header. */
    static String describe() {
        String model = "unknown CPU";
        long memKib = 0;
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    model = line.substring(line.indexOf(':') + 1).trim();
                    break;
                }
            }
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    memKib = Long.parseLong(line.substring(9).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // leave the defaults
        }
        return String.format(
                Locale.ROOT,
                "%d cores (%s), %.1f GiB memory, %s %s %s",
                Runtime.getRuntime().availableProcessors(),
                model,
                memKib / 1048576.0,
                System.getProperty("os.name"),
                System.getProperty("os.version"),
                System.getProperty("os.arch"));
    }

    /** The commit measured: HEAD's short hash, with {@code -dirty} when the tree has changes. */
    static String commit() {
        String hash = git("rev-parse", "--short", "HEAD");
        String status = git("status", "--porcelain", "--untracked-files=no");
        return hash.isBlank() ? "unknown" : hash + (status.isBlank() ? "" : "-dirty");
    }

    private static String git(String... args) {
        String[] command = new String[args.length + 1];
        command[0] = "git";
        System.arraycopy(args, 0, command, 1, args.length);
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0 ? out : "";
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
