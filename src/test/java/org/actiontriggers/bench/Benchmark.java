package org.actiontriggers.bench;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.File;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import org.actiontriggers.deliver.broker.KafkaBrokerClient;
import org.actiontriggers.deliver.broker.RabbitMqBrokerClient;
import org.actiontriggers.it.brokers.ClientAloneThroughput;
import org.actiontriggers.it.brokers.KafkaTestBroker;
import org.actiontriggers.it.brokers.KafkaTestConsumer;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The benchmark of issue 7: throughput against the raw HTTP ceiling, commit overhead, delivery latency, a
 * slow receiver, a backlog with the receiver down, and fan-out — every figure with its ratio, in one run so
 * that the ratios compare like with like.
 *
 * <p>Run by {@code mvn -Pbench verify}; {@code -Dbench.quick=true} divides the counts for a smoke run. Other
 * knobs: {@code bench.datasource} (an asadmin file; a PostgreSQL one is pointed at a database the bench
 * creates and drops), {@code bench.addlibs} (server libraries, e.g. the PostgreSQL driver), {@code bench.sends}
 * (the dispatcher's max concurrent sends), {@code bench.settings} (a properties file of further MicroProfile
 * Config settings for the server), {@code bench.jfr} (record the server with Flight Recorder), {@code
 * bench.cases} (a comma list of the case numbers to run, e.g. {@code 7} for the broker rows only).
 */
public final class Benchmark {

    /** Django Action Triggers' saves/s with one webhook trigger on this machine kind. */
    static final double ANCHOR_SAVES_PER_SECOND = 160;

    /** The integration tests' known admin account (it-admin / it-admin-password), set in the bench's settings. */
    private static final String BENCH_AUTHORIZATION = "Basic "
            + java.util.Base64.getEncoder()
                    .encodeToString("it-admin:it-admin-password".getBytes(StandardCharsets.UTF_8));

    private final boolean quick = Boolean.getBoolean("bench.quick");
    private final int commits = count("bench.commits", 20_000, 2_000);
    private final int timedCommits = count("bench.timed", 3_000, 500);
    private final int slowCommits = count("bench.slow", 1_000, 200);
    private final int backlog = count("bench.backlog", 100_000, 5_000);
    private final int fanOutRounds = count("bench.fanout.rounds", 20, 5);
    private final int latencySeconds = count("bench.latency.seconds", 20, 5);
    private final int drainSeconds = count("bench.drain.seconds", 180, 60);
    private final int sends = Integer.getInteger("bench.sends", 32);
    private final int fanOut = 50;
    private final int brokerMessages = count("bench.broker.messages", 10_000, 2_000);
    /** About the size of the rendered bench payload. */
    private static final int BROKER_BODY_BYTES = 60;

    private String kafkaServers;
    private final Set<String> cases = Arrays.stream(
                    System.getProperty("bench.cases", "").split(","))
            .map(String::trim)
            .filter(c -> !c.isEmpty())
            .collect(Collectors.toSet());

    private final Path dir = Path.of("target", "bench");
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final BenchResults results = new BenchResults();
    private URI app;
    private URI control;
    private String hooks;
    private long customer;
    private long product;
    private String serverSettings = "";

    public static void main(String[] args) throws Exception {
        new Benchmark().run();
    }

    private void run() throws Exception {
        Files.createDirectories(dir);
        String startLoad = loadAverage();
        OffsetDateTime started = OffsetDateTime.now(ZoneOffset.UTC);
        try (BenchProcesses processes = new BenchProcesses(dir)) {
            BenchProcesses.Receiver receiver = processes.startReceiver();
            control = URI.create("http://127.0.0.1:" + receiver.controlPort() + "/");
            hooks = "http://127.0.0.1:" + receiver.hookPort() + "/hooks/";
            String addlibs = System.getProperty("bench.addlibs", "");
            Path datasource = processes.datasource(System.getProperty("bench.datasource", ""), addlibs);
            if (runs("7")) {
                kafkaServers = KafkaTestBroker.shared().bootstrapServers();
                log("Kafka test broker at %s", kafkaServers);
            }
            int port = BenchProcesses.freePort();
            app = URI.create("http://127.0.0.1:" + port + "/api/bench/");
            long t0 = System.nanoTime();
            Process payara = processes.startPayara(
                    benchWar(),
                    settings(receiver.hookPort()),
                    datasource,
                    addlibs,
                    port,
                    Boolean.getBoolean("bench.jfr"));
            awaitReady(payara);
            log("Payara Micro ready after %.1f s", (System.nanoTime() - t0) / 1e9);

            JsonObject env = get(app.resolve("environment"));
            JsonObject fixture = post(app.resolve("fixture"));
            customer = fixture.getJsonNumber("customer").longValue();
            product = fixture.getJsonNumber("product").longValue();

            results.header("Issue 7 benchmark — " + (quick ? "QUICK mode (reduced counts)" : "full counts"));
            results.header("date " + started.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME) + ", "
                    + Runtime.getRuntime().availableProcessors() + " cores ("
                    + System.getProperty("os.name") + " " + System.getProperty("os.arch") + "), load average at start "
                    + startLoad);
            results.header("database " + env.getString("database") + "; server JVM " + env.getString("jvm") + ", heap "
                    + env.getInt("maxHeapMiB") + " MiB, " + env.getInt("cores") + " cores");
            results.header("Payara Micro on 127.0.0.1, receiver = JDK HttpServer in its own process; server settings: "
                    + serverSettings);

            warmUp();
            double[] maxRate = {0};
            if (runs("1")) {
                attempt("1 throughput", () -> maxRate[0] = throughput());
            }
            if (maxRate[0] > 0 && runs("3")) {
                attempt("3 latency", () -> latency(maxRate[0] / 2));
            }
            if (runs("2")) {
                attempt("2 commit overhead", this::commitOverhead);
            }
            if (runs("4")) {
                attempt("4 slow receiver (1 s)", this::slowReceiver);
            }
            if (runs("6")) {
                attempt("6 fan-out", this::fanOut);
            }
            if (runs("5")) {
                attempt("5 backlog", this::backlog);
            }
            if (runs("7")) {
                attempt("7 brokers: RabbitMQ", this::rabbitMq);
                attempt("7 brokers: Kafka", this::kafka);
            }

            results.header("load average at end " + loadAverage() + ", run took "
                    + Duration.between(started, OffsetDateTime.now(ZoneOffset.UTC))
                            .toSeconds() + " s");
        }
        results.write(dir);
        System.out.println();
        System.out.println(results.markdown());
        System.out.println("Written to " + dir.resolve("results.md") + " and " + dir.resolve("results.csv"));
    }

    private interface Case {
        void run() throws Exception;
    }

    /** Runs one case; a failure is reported in the table and the next case still runs. */
    private void attempt(String section, Case c) throws Exception {
        try {
            c.run();
            results.write(dir);
        } catch (Exception e) {
            log("%s failed: %s", section, e);
            results.add(
                    section,
                    "FAILED",
                    String.valueOf(e.getMessage()).replace('|', '/').replace('\n', ' '));
            control("delay?ms=0");
            control("up");
        }
    }

    /** The application's WAR plus the bench resource, exported for Payara Micro to deploy. */
    private Path benchWar() {
        WebArchive war = ShrinkWrap.create(ZipImporter.class, "action-triggers-bench.war")
                .importFrom(new File("target/action-triggers.war"))
                .as(WebArchive.class);
        war.addClass(BenchResource.class);
        Path file = dir.resolve("action-triggers-bench.war");
        war.as(ZipExporter.class).exportTo(file.toFile(), true);
        return file;
    }

    /** Settings of the bench app, as system properties (they override the WAR's defaults). */
    private Path settings(int hookPort) throws IOException {
        Properties p = new Properties();
        p.setProperty("action-triggers.datasource", "jdbc/action-triggers");
        p.setProperty("action-triggers.whitelisted-content-types", "Sale,Customer");
        p.setProperty(
                "action-triggers.whitelisted-webhook-endpoint-patterns",
                "http://127\\.0\\.0\\.1:" + hookPort + "/hooks/.*");
        p.setProperty("action-triggers.max-webhook-timeout", "5s");
        p.setProperty("action-triggers.dispatch.max-concurrent-sends", Integer.toString(sends));
        // bench-only key for the signing secrets at rest (required since the security work; the bench lacked it)
        p.setProperty("action-triggers.secret-encryption-key", "q7PqbyUM1VlKqfNvI2sxZpiCpyE3hVPRAGQnNszbqwo=");
        // the receiver is on loopback, which the SSRF guard refuses unless allowed (the bench lacked it too)
        p.setProperty("action-triggers.allowed-private-networks", "127.0.0.1/32");
        // case 6 fans one sale out to 50 webhooks of one config; the default limit is 10
        p.setProperty("action-triggers.limits.max-webhooks-per-config", "50");
        p.setProperty("action-triggers.admin.username", "it-admin");
        p.setProperty(
                "action-triggers.admin.password-hash",
                "pbkdf2-sha256:210000:OO0EURf+dRlhadATHidyKQ==:b3XMs+wOgWocvBlM1e2oTE4JSmERCh5zx5wnGEEU78M=");
        if (kafkaServers != null) {
            p.setProperty("action-triggers.brokers.bench-kafka.type", "kafka");
            p.setProperty("action-triggers.brokers.bench-kafka.conn.bootstrap_servers", kafkaServers);
        }
        p.setProperty("action-triggers.brokers.bench-rabbit.type", "rabbitmq");
        p.setProperty("action-triggers.brokers.bench-rabbit.conn.host", "127.0.0.1");
        p.setProperty("action-triggers.max-broker-timeout", "5s");
        String extra = System.getProperty("bench.settings", "");
        if (!extra.isBlank()) {
            try (var in = Files.newBufferedReader(Path.of(extra))) {
                p.load(in);
            }
        }
        serverSettings = new TreeMap<>(p).toString().replace("\\", "");
        Path file = dir.resolve("bench.properties");
        try (var out = Files.newBufferedWriter(file)) {
            p.store(out, "Action Triggers settings of the benchmark");
        }
        return file;
    }

    private void awaitReady(Process payara) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        while (true) {
            if (!payara.isAlive()) {
                throw new IllegalStateException("Payara Micro exited with " + payara.exitValue() + ":\n"
                        + BenchProcesses.tail(dir.resolve("payara.log"), 40));
            }
            try {
                HttpResponse<String> r = http.send(
                        request(app.resolve("ready"))
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "Payara Micro not ready within 300 s:\n" + BenchProcesses.tail(dir.resolve("payara.log"), 40));
            }
            pause(500);
        }
    }

    private void warmUp() throws Exception {
        int n = Math.max(500, commits / 10);
        log("warm-up: %d sales with one webhook, 8 clients", n);
        triggers("Sale", 1, "sale");
        reset();
        drive(n, 8);
        awaitArrivals(n);
        post(app.resolve("sales/timed?n=" + Math.min(n, 1000) + "&customer=" + customer + "&product=" + product));
        awaitArrivals(n + Math.min(n, 1000));
    }

    /** Case 1; returns the best measured deliveries/s, the basis of case 3's rate. */
    private double throughput() throws Exception {
        double best = 0;
        for (int clients : new int[] {1, 8}) {
            String section = "1 throughput, " + clients + (clients == 1 ? " client" : " clients");
            triggers("Sale", 1, "sale");
            reset();
            log("case 1: %d sales, %d clients", commits, clients);
            long t0 = BenchReceiver.epochMicros();
            drive(commits, clients);
            long committed = BenchReceiver.epochMicros();
            JsonObject stats = awaitArrivals(commits);
            long last = stats.getJsonNumber("last").longValue();
            double commitRate = commits / ((committed - t0) / 1e6);
            double deliveryRate = commits / ((last - t0) / 1e6);
            reset();
            double raw = rawCeiling(commits, clients);
            results.add(section, "commits/s", BenchResults.fmt(commitRate));
            results.add(section, "deliveries/s (until the last arrives)", BenchResults.fmt(deliveryRate));
            results.add(section, "raw ceiling: HttpClient alone, req/s", BenchResults.fmt(raw));
            if (clients == 8) {
                results.target(
                        section, "deliveries/s vs raw ceiling", deliveryRate, "/s", "raw ceiling", raw, true, 0.5);
                results.target(
                        section,
                        "deliveries/s vs anchor",
                        deliveryRate,
                        "/s",
                        "DAT 160 saves/s",
                        ANCHOR_SAVES_PER_SECOND,
                        true,
                        25);
            } else {
                results.ratio(section, "deliveries/s vs raw ceiling", deliveryRate, "raw ceiling", raw, "/s");
                results.ratio(
                        section,
                        "deliveries/s vs anchor",
                        deliveryRate,
                        "DAT 160 saves/s",
                        ANCHOR_SAVES_PER_SECOND,
                        "/s");
            }
            log("  commits/s %.0f, deliveries/s %.0f, raw %.0f req/s", commitRate, deliveryRate, raw);
            best = Math.max(best, Math.min(commitRate, deliveryRate));
        }
        return best;
    }

    /** Case 3: commit → arrival at a fixed (open-loop) rate. */
    private void latency(double rate) throws Exception {
        String section = "3 latency at " + BenchResults.fmt(rate) + "/s";
        int n = (int) Math.max(100, Math.min(commits, rate * latencySeconds));
        log("case 3: %d sales at %.0f/s", n, rate);
        triggers("Sale", 1, "sale");
        reset();
        Map<Long, Long> committedAt = new ConcurrentHashMap<>();
        List<CompletableFuture<Void>> pending = new ArrayList<>();
        long period = (long) (1e9 / rate);
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            long due = start + i * period;
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            pending.add(http.sendAsync(saleRequest(), HttpResponse.BodyHandlers.ofString())
                    .thenAccept(r -> {
                        JsonObject sale = json(r);
                        committedAt.put(
                                sale.getJsonNumber("id").longValue(),
                                sale.getJsonNumber("committedAt").longValue());
                    }));
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(10, TimeUnit.MINUTES);
        double achieved = n / ((System.nanoTime() - start) / 1e9);
        awaitArrivals(n);
        Map<Long, Long> arrivals = firstArrivals(0);
        double[] ms = committedAt.entrySet().stream()
                .mapToDouble(e -> (arrivals.get(e.getKey()) - e.getValue()) / 1000.0)
                .toArray();
        Arrays.sort(ms);
        results.add(section, "requests sent, achieved rate", n + " at " + BenchResults.fmt(achieved) + "/s");
        results.add(section, "commit → arrival p50", BenchResults.fmt(percentile(ms, 0.5)) + " ms");
        results.bound(section, "commit → arrival p99", percentile(ms, 0.99), " ms", false, 50);
        results.add(section, "commit → arrival max", BenchResults.fmt(ms[ms.length - 1]) + " ms");
    }

    /** Case 2: the persist transaction timed in the server, with a matching trigger, none, and another type's. */
    private void commitOverhead() throws Exception {
        String section = "2 commit overhead";
        Map<String, List<Double>> samples = new HashMap<>();
        for (int round = 0; round < 2; round++) {
            for (String condition : List.of("no trigger", "trigger on another type", "matching trigger")) {
                deleteTriggers();
                if (condition.equals("matching trigger")) {
                    triggers("Sale", 1, "sale");
                } else if (condition.equals("trigger on another type")) {
                    triggers("Customer", 1, "customer");
                }
                reset();
                log("case 2, round %d: %d timed sales, %s", round + 1, timedCommits, condition);
                double[] ms = timedSales(timedCommits);
                List<Double> all = samples.computeIfAbsent(condition, c -> new ArrayList<>());
                Arrays.stream(ms).forEach(all::add);
                if (condition.equals("matching trigger")) {
                    awaitArrivals(timedCommits);
                }
            }
        }
        double[] none = sorted(samples.get("no trigger"));
        double[] other = sorted(samples.get("trigger on another type"));
        double[] matching = sorted(samples.get("matching trigger"));
        for (var c : List.of(
                Map.entry("no trigger", none),
                Map.entry("trigger on another type", other),
                Map.entry("matching trigger", matching))) {
            double[] ms = c.getValue();
            results.add(
                    section,
                    c.getKey() + ": p50 / p99 / max",
                    BenchResults.fmt(percentile(ms, 0.5)) + " / " + BenchResults.fmt(percentile(ms, 0.99)) + " / "
                            + BenchResults.fmt(ms[ms.length - 1]) + " ms");
        }
        results.ratio(
                section,
                "matching trigger p50",
                percentile(matching, 0.5),
                "no trigger p50",
                percentile(none, 0.5),
                " ms");
        results.target(
                section,
                "matching trigger p99",
                percentile(matching, 0.99),
                " ms",
                "no trigger p99",
                percentile(none, 0.99),
                false,
                1.3);
        results.ratio(
                section, "other type p50", percentile(other, 0.5), "no trigger p50", percentile(none, 0.5), " ms");
        results.target(
                section,
                "other type p99",
                percentile(other, 0.99),
                " ms",
                "no trigger p99",
                percentile(none, 0.99),
                false,
                1.05);
    }

    /** Case 4: the same timed transactions while every webhook takes 1 s to answer. */
    private void slowReceiver() throws Exception {
        String section = "4 slow receiver (1 s)";
        triggers("Sale", 1, "sale");
        reset();
        log("case 4: %d timed sales, fast receiver", slowCommits);
        double[] fast = sorted(timedSales(slowCommits));
        awaitArrivals(slowCommits);
        reset();
        control("delay?ms=1000");
        log("case 4: %d timed sales, receiver taking 1 s", slowCommits);
        double[] slow = sorted(timedSales(slowCommits));
        control("delay?ms=0");
        awaitArrivals(slowCommits);
        results.add(
                section,
                "fast receiver: p50 / p99",
                BenchResults.fmt(percentile(fast, 0.5)) + " / " + BenchResults.fmt(percentile(fast, 0.99)) + " ms");
        results.target(
                section,
                "slow receiver p50",
                percentile(slow, 0.5),
                " ms",
                "fast p50",
                percentile(fast, 0.5),
                false,
                1.1);
        results.target(
                section,
                "slow receiver p99",
                percentile(slow, 0.99),
                " ms",
                "fast p99",
                percentile(fast, 0.99),
                false,
                1.1);
    }

    /** Case 6: wall time from commit until every webhook of one change has its request, 50 webhooks vs 1. */
    private void fanOut() throws Exception {
        String section = "6 fan-out";
        double[] one = fanOutRounds(1);
        double[] fifty = fanOutRounds(fanOut);
        results.add(
                section,
                "1 webhook: median / max",
                BenchResults.fmt(percentile(one, 0.5)) + " / " + BenchResults.fmt(one[one.length - 1]) + " ms");
        results.add(
                section,
                fanOut + " webhooks: median / max",
                BenchResults.fmt(percentile(fifty, 0.5)) + " / " + BenchResults.fmt(fifty[fifty.length - 1]) + " ms");
        results.target(
                section,
                fanOut + " webhooks median",
                percentile(fifty, 0.5),
                " ms",
                "1 webhook median",
                percentile(one, 0.5),
                false,
                5);
    }

    private double[] fanOutRounds(int webhooks) throws Exception {
        deleteTriggers();
        triggers("Sale", webhooks, "fan");
        reset();
        log("case 6: %d rounds of one sale to %d webhooks", fanOutRounds + 2, webhooks);
        Map<Long, Long> committedAt = new HashMap<>();
        for (int round = 0; round < fanOutRounds + 2; round++) {
            JsonObject sale = json(http.send(saleRequest(), HttpResponse.BodyHandlers.ofString()));
            if (round >= 2) {
                committedAt.put(
                        sale.getJsonNumber("id").longValue(),
                        sale.getJsonNumber("committedAt").longValue());
            }
            int expected = (round + 1) * webhooks;
            await("fan-out round " + round, Duration.ofSeconds(60), 5, () -> stats().getInt("count") >= expected);
        }
        Map<Long, Long> lastArrival = new HashMap<>();
        for (long[] a : arrivals()) {
            lastArrival.merge(a[0], a[2], Math::max);
        }
        return sorted(committedAt.entrySet().stream()
                .map(e -> (lastArrival.get(e.getKey()) - e.getValue()) / 1000.0)
                .toList());
    }

    /** Case 5: receiver down, a backlog committed, then the receiver back. */
    private void backlog() throws Exception {
        String section = "5 backlog of " + backlog;
        deleteTriggers();
        triggers("Sale", 1, "sale");
        reset();
        long before = post(app.resolve("heap")).getJsonNumber("used").longValue();
        control("down");
        log("case 5: receiver down, %d sales committed", backlog);
        int chunk = 10_000;
        long nanos = 0;
        for (int done = 0; done < backlog; done += chunk) {
            int n = Math.min(chunk, backlog - done);
            nanos += post(app.resolve("sales/bulk?n=" + n + "&threads=4&customer=" + customer + "&product=" + product))
                    .getJsonNumber("nanos")
                    .longValue();
        }
        long after = post(app.resolve("heap")).getJsonNumber("used").longValue();
        JsonObject outbox = get(app.resolve("outbox"));
        long depth = depth(outbox);
        results.add(
                section,
                "commits/s with the receiver down (4 threads in the server)",
                BenchResults.fmt(backlog / (nanos / 1e9)));
        results.add(section, "heap used after GC, before → after", mib(before) + " → " + mib(after) + " MiB");
        results.bound(section, "heap growth", (after - before) / 1048576.0, " MiB", false, 64);
        results.add(section, "outbox depth (pending + in flight) / all rows by state", depth + " / " + outbox);
        log("  heap %s → %s MiB, outbox %s", mib(before), mib(after), outbox);

        control("up");
        reset();
        long t0 = BenchReceiver.epochMicros();
        post(app.resolve("outbox/due-now"));
        long deadline = TimeUnit.SECONDS.toNanos(drainSeconds) + System.nanoTime();
        JsonObject left = get(app.resolve("outbox"));
        while (depth(left) > 0 && System.nanoTime() < deadline) {
            pause(250);
            left = get(app.resolve("outbox"));
        }
        long end = BenchReceiver.epochMicros();
        JsonObject stats = stats();
        double seconds = (end - t0) / 1e6;
        int delivered = stats.getInt("distinct");
        double rate = delivered / seconds;
        results.add(section, "drain rate after the receiver is back", BenchResults.fmt(rate) + "/s");
        if (depth(left) == 0) {
            results.add(
                    section,
                    "time until the outbox is empty",
                    BenchResults.fmt(seconds) + " s (" + delivered + " delivered, " + stats.getInt("count")
                            + " requests)");
        } else {
            results.add(
                    section,
                    "time until the outbox is empty",
                    "NOT EMPTY after " + BenchResults.fmt(seconds) + " s (" + delivered + " delivered, "
                            + depth(left) + " left); at this rate ≈ "
                            + BenchResults.fmt((delivered + depth(left)) / rate) + " s");
        }
    }

    /**
     * A request with the bench's admin credentials: everything under {@code /api} but the demo needs them
     * since the security work (the receiver ignores the header).
     */
    private static HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).header("Authorization", BENCH_AUTHORIZATION);
    }

    /** Whether {@code bench.cases} (a comma list of case numbers, default all) includes this case. */
    private boolean runs(String number) {
        return cases.isEmpty() || cases.contains(number);
    }

    /**
     * Case 7, RabbitMQ: messages/s end to end — sales committed (4 threads in the server) until a consumer in
     * this process has read every message — against the client alone: {@link RabbitMqBrokerClient} publishing
     * the same number of persistent, confirmed messages from as many threads as the server has concurrent sends,
     * with no outbox in front ({@link ClientAloneThroughput}).
     */
    private void rabbitMq() throws Exception {
        String section = "7 brokers: RabbitMQ (" + brokerMessages + " messages)";
        String queue = "action-triggers-bench";
        String alone = "action-triggers-bench-alone";
        deleteTriggers();
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        try (Connection connection = factory.newConnection("action-triggers-bench");
                RabbitMqBrokerClient client = new RabbitMqBrokerClient(Map.of("host", "127.0.0.1"))) {
            Channel admin = connection.createChannel();
            for (String name : List.of(queue, alone)) {
                admin.queueDeclare(name, true, false, false, null);
                admin.queuePurge(name);
            }
            log("case 7: RabbitMQ client alone, %d confirmed messages from %d threads", brokerMessages, sends);
            double clientAlone = ClientAloneThroughput.measure(
                            "rabbitmq", client, Map.of("queue", alone), brokerMessages, sends, BROKER_BODY_BYTES)
                    .messagesPerSecond();
            admin.queueDelete(alone);

            log("case 7: RabbitMQ end to end, %d sales", brokerMessages);
            post(app.resolve("triggers/broker?entity=Sale&broker=bench-rabbit&parameter=queue&value=" + queue));
            Set<String> seen = ConcurrentHashMap.newKeySet();
            Channel consumer = connection.createChannel();
            consumer.basicQos(500);
            consumer.basicConsume(
                    queue,
                    true,
                    (tag, delivery) -> seen.add(delivery.getProperties().getMessageId()),
                    tag -> {});
            long t0 = System.nanoTime();
            commitSales(brokerMessages);
            await("all messages consumed", Duration.ofSeconds(drainSeconds), 20, () -> seen.size() >= brokerMessages);
            double endToEnd = brokerMessages / ((System.nanoTime() - t0) / 1e9);
            admin.queueDelete(queue);
            brokerRows(section, endToEnd, clientAlone, "RabbitMqBrokerClient");
        }
    }

    /** Case 7, Kafka: as for RabbitMQ, on the single-node KRaft broker the bench started. */
    private void kafka() throws Exception {
        String section = "7 brokers: Kafka (" + brokerMessages + " messages)";
        String suffix = Long.toString(System.currentTimeMillis());
        String topic = "action-triggers-bench-" + suffix;
        deleteTriggers();
        double clientAlone;
        try (KafkaBrokerClient client = new KafkaBrokerClient(Map.of("bootstrap_servers", kafkaServers))) {
            log("case 7: Kafka client alone, %d acknowledged messages from %d threads", brokerMessages, sends);
            clientAlone = ClientAloneThroughput.measure(
                            "kafka",
                            client,
                            Map.of("topic", "action-triggers-bench-alone-" + suffix),
                            brokerMessages,
                            sends,
                            BROKER_BODY_BYTES)
                    .messagesPerSecond();
        }
        log("case 7: Kafka end to end, %d sales", brokerMessages);
        post(app.resolve("triggers/broker?entity=Sale&broker=bench-kafka&parameter=topic&value=" + topic));
        try (KafkaTestConsumer consumer = new KafkaTestConsumer(kafkaServers, topic)) {
            long t0 = System.nanoTime();
            commitSales(brokerMessages);
            int read = consumer.awaitMessages(brokerMessages, Duration.ofSeconds(drainSeconds))
                    .size();
            if (read < brokerMessages) {
                throw new IllegalStateException("only " + read + " of " + brokerMessages + " Kafka messages arrived");
            }
            double endToEnd = brokerMessages / ((System.nanoTime() - t0) / 1e9);
            brokerRows(section, endToEnd, clientAlone, "KafkaBrokerClient");
        }
    }

    private void commitSales(int count) throws Exception {
        int chunk = 5_000;
        for (int done = 0; done < count; done += chunk) {
            int n = Math.min(chunk, count - done);
            post(app.resolve("sales/bulk?n=" + n + "&threads=4&customer=" + customer + "&product=" + product));
        }
    }

    private void brokerRows(String section, double endToEnd, double clientAlone, String client) throws Exception {
        results.add(
                section,
                "end to end: sales committed → messages acknowledged by the broker and consumed",
                BenchResults.fmt(endToEnd) + " messages/s");
        results.add(
                section,
                client + " alone, " + sends + " threads, each message acknowledged",
                BenchResults.fmt(clientAlone) + " messages/s");
        results.add(section, "end to end / client alone", BenchResults.fmt(endToEnd / clientAlone));
        deleteTriggers();
    }

    /** Rows still to deliver: pending or in flight. */
    private static long depth(JsonObject outbox) {
        return rows(outbox, "PENDING") + rows(outbox, "IN_FLIGHT");
    }

    private static long rows(JsonObject outbox, String state) {
        return outbox.containsKey(state) ? outbox.getJsonNumber(state).longValue() : 0;
    }

    // --- driving ---------------------------------------------------------------------------------------

    /** {@code n} sales through HTTP from {@code clients} threads, each waiting for its response. */
    private void drive(int n, int clients) throws Exception {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<Void>> workers = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                workers.add(pool.submit(() -> {
                    while (next.getAndIncrement() < n) {
                        HttpResponse<String> r = http.send(saleRequest(), HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() != 200) {
                            throw new IllegalStateException("sale failed: " + r.statusCode() + " " + r.body());
                        }
                    }
                    return null;
                }));
            }
            for (Future<Void> w : workers) {
                w.get(30, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** The same number of requests, with bodies like the app's, straight from HttpClient to the receiver. */
    private double rawCeiling(int n, int clients) throws Exception {
        AtomicInteger next = new AtomicInteger();
        URI target = URI.create(hooks + "raw");
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long t0 = System.nanoTime();
        try {
            List<Future<Void>> workers = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                        String body = "{\"id\":" + (1_000_000 + i)
                                + ",\"customer_name\":\"Ann O'Brien\",\"product_name\":\"Widget\",\"quantity\":1}";
                        HttpRequest request = request(target)
                                .timeout(Duration.ofSeconds(30))
                                .header("Content-Type", "application/json")
                                .header("webhook-id", UUID.randomUUID().toString())
                                .header("webhook-timestamp", Long.toString(System.currentTimeMillis() / 1000))
                                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                                .build();
                        http.send(request, HttpResponse.BodyHandlers.ofString());
                    }
                    return null;
                }));
            }
            for (Future<Void> w : workers) {
                w.get(30, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        return n / ((System.nanoTime() - t0) / 1e9);
    }

    private HttpRequest saleRequest() {
        return request(app.resolve("sale?customer=" + customer + "&product=" + product))
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
    }

    private double[] timedSales(int n) throws Exception {
        JsonArray nanos = post(app.resolve("sales/timed?n=" + n + "&customer=" + customer + "&product=" + product))
                .getJsonArray("nanos");
        double[] ms = new double[nanos.size()];
        for (int i = 0; i < ms.length; i++) {
            ms[i] = nanos.getJsonNumber(i).longValue() / 1e6;
        }
        return ms;
    }

    private void triggers(String entity, int webhooks, String path) throws Exception {
        deleteTriggers();
        post(app.resolve("triggers?entity=" + entity + "&webhooks=" + webhooks + "&url=" + hooks + path));
    }

    private void deleteTriggers() throws Exception {
        send(request(app.resolve("triggers")).DELETE());
    }

    // --- the receiver ----------------------------------------------------------------------------------

    private void reset() throws Exception {
        control("reset");
    }

    private String control(String command) throws Exception {
        HttpResponse<String> r = http.send(
                request(control.resolve(command))
                        .timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("receiver " + command + ": " + r.statusCode());
        }
        return r.body();
    }

    private JsonObject stats() throws Exception {
        return get(control.resolve("stats"));
    }

    /** Waits until {@code n} distinct deliveries arrived; answers the receiver's stats. */
    private JsonObject awaitArrivals(int n) throws Exception {
        JsonObject[] last = new JsonObject[1];
        await(n + " arrivals", Duration.ofSeconds(120 + n / 50), 100, () -> {
            last[0] = stats();
            return last[0].getInt("distinct") >= n;
        });
        return last[0];
    }

    /** Every arrival as {sale id, path index, epoch micros}. */
    private List<long[]> arrivals() throws Exception {
        HttpResponse<String> r =
                http.send(request(control.resolve("arrivals")).build(), HttpResponse.BodyHandlers.ofString());
        List<long[]> all = new ArrayList<>();
        for (String line : r.body().split("\n")) {
            if (!line.isBlank()) {
                String[] f = line.split(" ");
                all.add(new long[] {Long.parseLong(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2])});
            }
        }
        return all;
    }

    private Map<Long, Long> firstArrivals(int path) throws Exception {
        Map<Long, Long> first = new HashMap<>();
        for (long[] a : arrivals()) {
            if (a[1] == path) {
                first.merge(a[0], a[2], Math::min);
            }
        }
        return first;
    }

    // --- plumbing --------------------------------------------------------------------------------------

    private interface Check {
        boolean holds() throws Exception;
    }

    /** Polls until the check holds; fails after the timeout. */
    private static void await(String what, Duration timeout, long pollMillis, Check check) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!check.holds()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            pause(pollMillis);
        }
    }

    private static void pause(long millis) {
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(millis));
    }

    private JsonObject get(URI uri) throws Exception {
        return send(request(uri).GET());
    }

    private JsonObject post(URI uri) throws Exception {
        return send(request(uri).POST(HttpRequest.BodyPublishers.noBody()));
    }

    private JsonObject send(HttpRequest.Builder request) throws Exception {
        return json(http.send(request.timeout(Duration.ofMinutes(10)).build(), HttpResponse.BodyHandlers.ofString()));
    }

    private static JsonObject json(HttpResponse<String> r) {
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException(
                    r.request().method() + " " + r.uri() + " answered " + r.statusCode() + ": " + r.body());
        }
        try (var reader = Json.createReader(new StringReader(r.body()))) {
            return reader.readObject();
        }
    }

    private static double percentile(double[] sorted, double q) {
        int index = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double[] sorted(double[] values) {
        double[] copy = values.clone();
        Arrays.sort(copy);
        return copy;
    }

    private static double[] sorted(List<Double> values) {
        return sorted(values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static String mib(long bytes) {
        return BenchResults.fmt(bytes / 1048576.0);
    }

    private int count(String property, int full, int quickCount) {
        return Integer.getInteger(property, quick ? quickCount : full);
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }

    private static void log(String format, Object... args) {
        System.out.printf(
                "[bench %s] %s%n",
                OffsetDateTime.now(ZoneOffset.UTC).toLocalTime().withNano(0), String.format(format, args));
        System.out.flush();
    }
}
