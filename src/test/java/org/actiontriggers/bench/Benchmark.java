package org.actiontriggers.bench;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.File;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
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
import java.util.EnumSet;
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
import org.actiontriggers.dispatch.PolicyHooksSwitch;
import org.actiontriggers.it.brokers.ClientAloneThroughput;
import org.actiontriggers.it.brokers.KafkaTestBroker;
import org.actiontriggers.it.brokers.KafkaTestConsumer;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The benchmark of issues 7 and 15: every figure with its ratio and target, on H2 and on PostgreSQL, in one
 * run so that the ratios compare like with like. The cases are numbered and listed in {@link #cases()}, in the
 * order they run on each database; a new case is one line there and one method.
 *
 * <p>Run by {@code mvn -Pbench verify}; {@code -Dbench.quick=true} divides the counts for a smoke run. Knobs:
 * {@code bench.databases} ({@code h2,postgresql} by default), {@code bench.cases} (a comma list of case
 * numbers, e.g. {@code 7} for the broker rows only), {@code bench.pg.datasource} (the asadmin file pointed at
 * the database the bench creates and drops), {@code bench.pg.url} and {@code bench.pg.user} (the PostgreSQL
 * server, through a database that always exists), {@code bench.addlibs} (server libraries for PostgreSQL: the
 * driver), {@code bench.sends} (the dispatcher's max concurrent sends), {@code bench.settings} (a properties
 * file of further MicroProfile Config settings for the server), {@code bench.jfr} (record each server with
 * Flight Recorder), {@code bench.quiet.seconds} and {@code bench.quiet.strict} (the quiet gate before each
 * case, see {@link BenchMachine#awaitQuiet}), and the counts.
 */
public final class Benchmark {

    /** Django Action Triggers' saves/s with one webhook trigger on this machine kind. */
    static final double ANCHOR_SAVES_PER_SECOND = 160;

    /** The integration tests' known admin account (it-admin / it-admin-password), set in the bench's settings. */
    private static final String BENCH_AUTHORIZATION = "Basic "
            + java.util.Base64.getEncoder()
                    .encodeToString("it-admin:it-admin-password".getBytes(StandardCharsets.UTF_8));

    /** The quiet gate: load average below this, or the CPU this idle over {@link #QUIET_WINDOW}. */
    private static final double QUIET_LOAD = 1.0;

    private static final double QUIET_IDLE_PERCENT = 90;
    private static final Duration QUIET_WINDOW = Duration.ofSeconds(5);

    /** The databases a run can measure, in the order they run. */
    enum Database {
        H2("H2"),
        POSTGRESQL("PostgreSQL");

        final String label;

        Database(String label) {
            this.label = label;
        }
    }

    private final boolean quick = Boolean.getBoolean("bench.quick");
    private final int commits = count("bench.commits", 10_000, 1_000);
    private final int timedCommits = count("bench.timed", 3_000, 300);
    private final int slowCommits = count("bench.slow", 1_000, 100);
    private final int backlog = count("bench.backlog", 100_000, 3_000);
    private final int fanOutRounds = count("bench.fanout.rounds", 20, 3);
    private final int latencySeconds = count("bench.latency.seconds", 20, 3);
    private final int drainSeconds = count("bench.drain.seconds", 180, 60);
    private final int datSales = count("bench.dat", 20_000, 1_000);
    private final int rateCommits = count("bench.rate.commits", 5_000, 500);
    private final int ceilingRows = count("bench.ceiling.rows", 40_000, 3_000);
    private final int ceilingCommits = count("bench.ceiling.commits", 10_000, 1_000);
    private final int quietSeconds = count("bench.quiet.seconds", 60, 5);
    private final boolean quietStrict = Boolean.getBoolean("bench.quiet.strict");
    private final int sends = Integer.getInteger("bench.sends", 32);
    private final int fanOut = 50;
    private final int brokerMessages = count("bench.broker.messages", 10_000, 1_000);
    /** About the size of the rendered bench payload. */
    private static final int BROKER_BODY_BYTES = 60;

    private final String pgAdminUrl = property("bench.pg.url", "jdbc:postgresql://127.0.0.1:5432/postgres");
    private final String pgUser = property("bench.pg.user", "postgres");
    private final Path pgDatasource =
            Path.of(property("bench.pg.datasource", "server-config/payara/datasource-postgresql.asadmin"));
    private final String pgAddlibs = property("bench.addlibs", "target/server-libs");
    private final List<Database> databases = Arrays.stream(
                    property("bench.databases", "h2,postgresql").split(","))
            .map(String::trim)
            .filter(d -> !d.isEmpty())
            .map(d -> Database.valueOf(d.toUpperCase(java.util.Locale.ROOT)))
            .toList();
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
    private BenchProcesses processes;
    private String kafkaServers;
    private boolean kafkaStarted;
    private URI control;
    private String hooks;
    private String serverSettings = "";
    private double quietWaitSeconds;

    // the database being measured and what its cases hand on to later ones
    private Database db;
    private Process payara;
    private URI app;
    /** The library's admin API, as an operator uses it. */
    private URI adminApi;

    private long customer;
    private long product;
    /** Case 1's best deliveries/s, the basis of case 3's rate. */
    private double maxRate;
    /** Case 10's plain-JDBC figures on PostgreSQL; NaN until measured. */
    private double claimCeiling = Double.NaN;

    private double commitCeiling = Double.NaN;

    public static void main(String[] args) throws Exception {
        new Benchmark().run();
    }

    /** One numbered case; {@code on} names the databases it applies to. */
    private record BenchCase(String number, String title, Set<Database> on, Case body) {}

    private interface Case {
        void run() throws Exception;
    }

    /**
     * Every case, in the order it runs on each database. Case 3 uses case 1's rate, case 5 on PostgreSQL case
     * 10's ceiling; case 7 comes last because it starts (and after the server, stops) the Kafka test broker.
     */
    private List<BenchCase> cases() {
        Set<Database> all = EnumSet.allOf(Database.class);
        return List.of(
                new BenchCase("10", "PostgreSQL ceilings, plain JDBC", EnumSet.of(Database.POSTGRESQL), this::ceilings),
                new BenchCase("8", "DAT-comparable loop", all, this::datLoop),
                new BenchCase("1", "throughput", all, this::throughput),
                new BenchCase("12", "policy code A/B", all, this::policyAb),
                new BenchCase("3", "latency at half the max rate", all, this::latency),
                new BenchCase("9", "commits/s with and without a trigger", all, this::commitRate),
                new BenchCase("2", "commit overhead", all, this::commitOverhead),
                new BenchCase("11", "change-aware trigger on updates", all, this::changeAwareOverhead),
                new BenchCase("4", "slow receiver", all, this::slowReceiver),
                new BenchCase("6", "fan-out", all, this::fanOut),
                new BenchCase("5", "backlog", all, this::backlog),
                new BenchCase("7", "brokers", all, this::brokers));
    }

    private void run() throws Exception {
        Files.createDirectories(dir);
        OffsetDateTime started = OffsetDateTime.now(ZoneOffset.UTC);
        results.header("Benchmark of issues 7 and 15 — "
                + (quick ? "QUICK mode (reduced counts, not to quote)" : "full counts"));
        results.header("date " + started.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME) + ", commit "
                + BenchMachine.commit() + ", machine " + BenchMachine.describe());
        results.header("load average (1/5/15 min) at start " + BenchMachine.loadAverages() + "; quiet gate before each"
                + " case: 1-min load < " + BenchResults.fmt(QUIET_LOAD)
                + (quietStrict
                        ? ""
                        : " or CPU ≥ " + BenchResults.fmt(QUIET_IDLE_PERCENT) + " % idle over "
                                + QUIET_WINDOW.toSeconds() + " s")
                + ", waiting at most " + quietSeconds + " s");
        results.header("counts: " + commits + " commits (case 1), " + datSales + " sales (8), " + rateCommits
                + " × 2 × 2 commits (9), " + timedCommits + " × 2 × 3 timed (2), " + timedCommits
                + " × 2 × 4 timed updates (11), " + slowCommits + " (4), "
                + fanOutRounds + " rounds (6), " + backlog + " backlog (5), " + brokerMessages + " messages (7), "
                + ceilingRows + " rows and " + ceilingCommits + " commits (10), " + latencySeconds + " s (3)");
        try (BenchProcesses p = new BenchProcesses(dir)) {
            processes = p;
            BenchProcesses.Receiver receiver = processes.startReceiver();
            control = URI.create("http://127.0.0.1:" + receiver.controlPort() + "/");
            hooks = "http://127.0.0.1:" + receiver.hookPort() + "/hooks/";
            if (runs("7")) {
                // the broker starts only for case 7; the server's settings name its port from the beginning
                int kafkaPort = BenchProcesses.freePort();
                System.setProperty("kafka.test.broker.port", Integer.toString(kafkaPort));
                kafkaServers = "127.0.0.1:" + kafkaPort;
            }
            Path war = benchWar();
            Path settings = settings(receiver.hookPort());
            results.header("Payara Micro on 127.0.0.1, receiver = JDK HttpServer in its own process; server settings: "
                    + serverSettings);
            for (Database d : databases) {
                measure(d, war, settings);
            }
        }
        results.header("load average (1/5/15 min) at end " + BenchMachine.loadAverages() + ", run took "
                + Duration.between(started, OffsetDateTime.now(ZoneOffset.UTC)).toSeconds() + " s, of which "
                + Math.round(quietWaitSeconds) + " s waiting for a quiet machine");
        results.write(dir);
        System.out.println();
        System.out.println(results.markdown());
        System.out.println("Written to " + dir.resolve("results.md") + " and " + dir.resolve("results.csv"));
    }

    /** Every applicable case on one database, with a server of its own that is stopped afterwards. */
    private void measure(Database d, Path war, Path settings) throws Exception {
        db = d;
        maxRate = 0;
        claimCeiling = Double.NaN;
        commitCeiling = Double.NaN;
        results.database(d.label);
        String name = d.name().toLowerCase(java.util.Locale.ROOT);
        try {
            Path datasource = d == Database.H2
                    ? processes.h2Datasource()
                    : processes.postgresDatasource(pgDatasource, pgAdminUrl, pgUser);
            String addlibs = d == Database.H2 ? "" : pgAddlibs;
            int port = BenchProcesses.freePort();
            app = URI.create("http://127.0.0.1:" + port + "/api/bench/");
            adminApi = URI.create("http://127.0.0.1:" + port + "/action-triggers/api/action-triggers/");
            long t0 = System.nanoTime();
            log("%s: starting Payara Micro", d.label);
            payara = processes.startPayara(
                    war, settings, datasource, addlibs, port, name, Boolean.getBoolean("bench.jfr"));
            awaitReady(payara, processes.payaraLog(name));
            log("%s: Payara Micro ready after %.1f s", d.label, (System.nanoTime() - t0) / 1e9);
            JsonObject env = get(app.resolve("environment"));
            JsonObject fixture = post(app.resolve("fixture"));
            customer = fixture.getJsonNumber("customer").longValue();
            product = fixture.getJsonNumber("product").longValue();
            results.header(d.label + ": database " + env.getString("database") + "; server JVM " + env.getString("jvm")
                    + ", heap " + env.getInt("maxHeapMiB") + " MiB, " + env.getInt("cores") + " cores");
            warmUp();
            for (BenchCase c : cases()) {
                if (c.on().contains(d) && runs(c.number())) {
                    runCase(c);
                }
            }
        } catch (Exception e) {
            log("%s failed: %s", d.label, e);
            results.add(
                    "server",
                    "FAILED",
                    String.valueOf(e.getMessage()).replace('|', '/').replace('\n', ' '));
        } finally {
            if (payara != null) {
                processes.stop(payara);
                payara = null;
            }
            if (kafkaStarted) {
                KafkaTestBroker.shared().stop();
                kafkaStarted = false;
            }
            if (d == Database.POSTGRESQL) {
                processes.dropPostgresDatabase();
            }
            results.write(dir);
        }
    }

    /**
     * One case behind the quiet gate; a failure is reported in the table and the next case still runs. After
     * it: the load average it left, and the server's resident set and heap after a full collection.
     */
    private void runCase(BenchCase c) throws Exception {
        String section = c.number() + " " + c.title();
        log("%s %s: waiting for a quiet machine (load average %s)", db.label, section, BenchMachine.loadAverages());
        BenchMachine.Quiet quiet = BenchMachine.awaitQuiet(
                QUIET_LOAD, QUIET_IDLE_PERCENT, QUIET_WINDOW, Duration.ofSeconds(quietSeconds), quietStrict);
        quietWaitSeconds += quiet.waitedSeconds();
        log(
                "%s %s: load %.2f, CPU idle %.0f %% after %.0f s%s",
                db.label,
                section,
                quiet.load(),
                quiet.idlePercent(),
                quiet.waitedSeconds(),
                quiet.quiet() ? "" : " — NOT quiet, running anyway");
        attempt(section, c.body());
        double loadAfter = BenchMachine.load1();
        results.check(
                section,
                "machine: 1-min load average before → after the case (CPU idle before, wait)",
                BenchResults.fmt(quiet.load()) + " → " + BenchResults.fmt(loadAfter) + " (idle "
                        + (Double.isNaN(quiet.idlePercent()) ? "not sampled" : Math.round(quiet.idlePercent()) + " %")
                        + ", waited " + Math.round(quiet.waitedSeconds()) + " s)",
                "before: load < " + BenchResults.fmt(QUIET_LOAD)
                        + (quietStrict ? "" : " or idle ≥ " + Math.round(QUIET_IDLE_PERCENT) + " %"),
                quiet.quiet());
        try {
            long heap = post(app.resolve("heap")).getJsonNumber("used").longValue();
            long rss = BenchMachine.rssBytes(payara.pid());
            results.add(
                    section,
                    "server at the end of the case: RSS (VmRSS) / heap used after GC",
                    (rss < 0 ? "n/a" : mib(rss)) + " / " + mib(heap) + " MiB");
        } catch (Exception e) {
            results.add(section, "server at the end of the case", "n/a: " + e.getMessage());
        }
        results.write(dir);
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
        war.addClass(PolicyHooksSwitch.class);
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

    private void awaitReady(Process payara, Path log) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        while (true) {
            if (!payara.isAlive()) {
                throw new IllegalStateException(
                        "Payara Micro exited with " + payara.exitValue() + ":\n" + BenchProcesses.tail(log, 40));
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
                        "Payara Micro not ready within 300 s:\n" + BenchProcesses.tail(log, 40));
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

    /**
     * Case 1: sales through HTTP from 1 and 8 clients until the last delivery arrives, against HttpClient
     * alone to the same receiver; keeps the best deliveries/s for case 3. Its targets moved to cases 5 and 8
     * (issue 15): here the commit path over HTTP, not the dispatcher, sets the pace.
     */
    private void throughput() throws Exception {
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
            results.ratio(section, "deliveries/s vs raw ceiling", deliveryRate, "raw ceiling", raw, "/s");
            results.ratio(
                    section, "deliveries/s vs anchor", deliveryRate, "DAT 160 saves/s", ANCHOR_SAVES_PER_SECOND, "/s");
            log("  commits/s %.0f, deliveries/s %.0f, raw %.0f req/s", commitRate, deliveryRate, raw);
            maxRate = Math.max(maxRate, Math.min(commitRate, deliveryRate));
        }
    }

    /**
     * Case 12 (issue 16): case 1's throughput with 8 clients, the policy's claim filter and outcome observer on
     * (as deployed, no limit set, every destination healthy) against off (the dispatcher as without the policy
     * package), alternated twice in the same server so that neither side gets the warmer or emptier half.
     */
    private void policyAb() throws Exception {
        String section = "12 policy code A/B, 8 clients";
        int n = Math.max(1, commits / 2);
        triggers("Sale", 1, "sale");
        Map<Boolean, Double> seconds = new HashMap<>();
        try {
            for (boolean on : new boolean[] {true, false, false, true}) {
                post(app.resolve("policy-hooks?on=" + on));
                reset();
                log("case 12: %d sales, 8 clients, policy hooks %s", n, on ? "on" : "off");
                long t0 = BenchReceiver.epochMicros();
                drive(n, 8);
                long last = awaitArrivals(n).getJsonNumber("last").longValue();
                seconds.merge(on, (last - t0) / 1e6, Double::sum);
            }
        } finally {
            post(app.resolve("policy-hooks?on=true"));
        }
        double withPolicy = 2 * n / seconds.get(true);
        double without = 2 * n / seconds.get(false);
        results.add(section, "deliveries/s without the policy hooks", BenchResults.fmt(without));
        results.target(section, "deliveries/s with the policy hooks", withPolicy, "/s", "without", without, true, 0.95);
        log("  deliveries/s with policy %.0f, without %.0f", withPolicy, without);
    }

    /**
     * Case 8, comparable to DAT's loop: one thread inside the server saves the sales one transaction each,
     * with one webhook, and the rate counts until the last delivery has arrived at the receiver.
     */
    private void datLoop() throws Exception {
        String section = "8 DAT loop: 1 thread in the server, " + datSales + " sales, 1 webhook";
        triggers("Sale", 1, "sale");
        reset();
        log("case 8: %d sales from one thread in the server", datSales);
        JsonObject loop = post(
                app.resolve("sales/bulk?n=" + datSales + "&threads=1&customer=" + customer + "&product=" + product));
        long startedAt = loop.getJsonNumber("startedAt").longValue();
        double saves = datSales / (loop.getJsonNumber("nanos").longValue() / 1e9);
        JsonObject stats = awaitArrivals(datSales);
        double rate = datSales / ((stats.getJsonNumber("last").longValue() - startedAt) / 1e6);
        int delivered = stats.getInt("distinct");
        results.add(section, "saves/s of the loop alone (until the last commit)", BenchResults.fmt(saves));
        results.check(
                section,
                "delivered, counted at the receiver (distinct webhook-id)",
                delivered + " of " + datSales + " (" + stats.getInt("count") + " requests)",
                "all",
                delivered >= datSales);
        results.target(
                section,
                "saves/s until the last delivery arrives",
                rate,
                "/s",
                "DAT 160 saves/s",
                ANCHOR_SAVES_PER_SECOND,
                true,
                db == Database.H2 ? 25 : 10);
        if (db == Database.POSTGRESQL) {
            results.ratio(
                    section,
                    "saves/s of the loop vs plain JDBC",
                    saves,
                    "plain-JDBC commit ceiling (case 10)",
                    commitCeiling,
                    "/s");
        }
        // the same loop with no trigger at all: the application's own ceiling, which the target cannot exceed
        deleteTriggers();
        JsonObject bare = post(
                app.resolve("sales/bulk?n=" + datSales + "&threads=1&customer=" + customer + "&product=" + product));
        double bareSaves = datSales / (bare.getJsonNumber("nanos").longValue() / 1e9);
        results.ratio(
                section,
                "saves/s of the same loop with no trigger",
                bareSaves,
                "DAT 160 saves/s",
                ANCHOR_SAVES_PER_SECOND,
                "/s");
        results.ratio(section, "saves/s delivered vs the loop with no trigger", rate, "no trigger", bareSaves, "/s");
        log("  loop %.0f saves/s, %.0f saves/s delivered; %.0f saves/s with no trigger", saves, rate, bareSaves);
    }

    /**
     * Case 9: commits/s through the same HTTP endpoint from 8 clients, with one matching trigger against none
     * — the price of capture and record on the write path, including the sends competing for the cores —
     * alternating twice so that drift hits both. The clients' p50/p99 are printed, without a target.
     */
    private void commitRate() throws Exception {
        String section = "9 commits/s through HTTP, 8 clients";
        Map<String, List<Double>> samples = new HashMap<>();
        Map<String, Double> seconds = new HashMap<>();
        for (int round = 0; round < 2; round++) {
            for (String condition : List.of("no trigger", "matching trigger")) {
                if (condition.equals("matching trigger")) {
                    triggers("Sale", 1, "sale");
                } else {
                    deleteTriggers();
                }
                reset();
                log("case 9, round %d: %d sales, 8 clients, %s", round + 1, rateCommits, condition);
                long t0 = System.nanoTime();
                double[] ms = drive(rateCommits, 8);
                seconds.merge(condition, (System.nanoTime() - t0) / 1e9, Double::sum);
                List<Double> all = samples.computeIfAbsent(condition, k -> new ArrayList<>());
                Arrays.stream(ms).forEach(all::add);
                if (condition.equals("matching trigger")) {
                    awaitArrivals(rateCommits);
                }
            }
        }
        deleteTriggers();
        double none = 2 * rateCommits / seconds.get("no trigger");
        double matching = 2 * rateCommits / seconds.get("matching trigger");
        double[] noneMs = sorted(samples.get("no trigger"));
        double[] matchingMs = sorted(samples.get("matching trigger"));
        results.add(
                section,
                "no trigger: commits/s, request p50 / p99 / max",
                BenchResults.fmt(none) + "/s, " + BenchResults.fmt(percentile(noneMs, 0.5)) + " / "
                        + BenchResults.fmt(percentile(noneMs, 0.99)) + " / "
                        + BenchResults.fmt(noneMs[noneMs.length - 1]) + " ms");
        results.add(
                section,
                "matching trigger: commits/s, request p50 / p99 / max",
                BenchResults.fmt(matching) + "/s, " + BenchResults.fmt(percentile(matchingMs, 0.5)) + " / "
                        + BenchResults.fmt(percentile(matchingMs, 0.99)) + " / "
                        + BenchResults.fmt(matchingMs[matchingMs.length - 1]) + " ms");
        results.target(section, "commits/s with a matching trigger", matching, "/s", "no trigger", none, true, 0.9);
        results.ratio(
                section,
                "request p99 with a matching trigger",
                percentile(matchingMs, 0.99),
                "no trigger p99",
                percentile(noneMs, 0.99),
                " ms");
    }

    /**
     * Case 10, PostgreSQL only: the plain-JDBC ceilings of {@link PostgresCeilings} in the bench's database,
     * measured from this process while the server idles — the reference of cases 5 and 8 on PostgreSQL.
     */
    private void ceilings() throws Exception {
        String section = "10 PostgreSQL ceilings, plain JDBC from the driver";
        PostgresCeilings pg = new PostgresCeilings(processes.postgresBenchUrl(), pgUser);
        try {
            Map<String, Double> claims = new java.util.LinkedHashMap<>();
            double rowByRow = 0;
            for (boolean perRow : new boolean[] {true, false}) {
                for (int workers : new int[] {1, 4}) {
                    String shape = perRow
                            ? "update row by row (issue 15's reference loop)"
                            : "update as one statement (id = ANY)";
                    log(
                            "case 10: claim %d + %s, %d rows, %d worker(s)",
                            PostgresCeilings.CLAIM, shape, ceilingRows, workers);
                    double rate = pg.claimAndUpdate(ceilingRows, workers, perRow);
                    claims.put(shape + ", " + workers + (workers == 1 ? " worker" : " workers"), rate);
                    rowByRow = perRow ? Math.max(rowByRow, rate) : rowByRow;
                }
            }
            claimCeiling = rowByRow;
            log("case 10: %d commits of a sale and an outbox row, 1 thread", ceilingCommits);
            commitCeiling = pg.commits(ceilingCommits);
            String claim = "claim " + PostgresCeilings.CLAIM + " (FOR UPDATE SKIP LOCKED) + ";
            claims.forEach((label, rate) -> results.add(section, claim + label + ", rows/s", BenchResults.fmt(rate)));
            results.add(
                    section,
                    "commit of one sale insert + one outbox insert, tx/s, 1 thread",
                    BenchResults.fmt(commitCeiling));
            log("  claim + update %s rows/s, %.0f tx/s", claims.values(), commitCeiling);
        } finally {
            pg.dropTables();
        }
    }

    /** Case 3: commit → arrival at a fixed (open-loop) rate, half case 1's best deliveries/s. */
    private void latency() throws Exception {
        if (maxRate <= 0) {
            throw new IllegalStateException("case 3 runs at half case 1's rate: run case 1 as well");
        }
        double rate = maxRate / 2;
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
        results.check(
                section,
                "commit → arrival p50",
                BenchResults.fmt(percentile(ms, 0.5)) + " ms",
                "≤ 5 ms",
                percentile(ms, 0.5) <= 5);
        results.check(
                section,
                "commit → arrival p99",
                BenchResults.fmt(percentile(ms, 0.99)) + " ms",
                "≤ 50 ms",
                percentile(ms, 0.99) <= 50);
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
        // issue 15 replaced this noisy ratio's target (1.3×) by case 9's commits/s
        results.ratio(
                section,
                "matching trigger p99",
                percentile(matching, 0.99),
                "no trigger p99",
                percentile(none, 0.99),
                " ms");
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

    /**
     * Case 11 (issue 17): the update transaction timed in the server — load a sale made before the trigger,
     * change it, commit — with no
     * trigger, a trigger on another type, a matching trigger whose template reads no previous state (so none is
     * kept), and the same trigger with a condition on how the quantity changed (its loaded state kept at
     * {@code @PostLoad}, the condition evaluated; it holds on every update, so both record one delivery each).
     */
    private void changeAwareOverhead() throws Exception {
        String section = "11 change-aware trigger: update transaction";
        String condition = "{\"all\": [{\"field\": \"quantity\", \"changed_from\": 1, \"to\": 2},"
                + " {\"field\": \"status\", \"in\": [\"new\", \"in_progress\"]}]}";
        List<String> conditions =
                List.of("no trigger", "trigger on another type", "matching trigger", "with condition");
        Map<String, List<Double>> samples = new HashMap<>();
        for (int round = 0; round < 2; round++) {
            for (String c : conditions) {
                deleteTriggers();
                post(app.resolve("sales/prepared?n=" + timedCommits + "&customer=" + customer + "&product=" + product));
                switch (c) {
                    case "trigger on another type" -> triggers("Customer", 1, "customer");
                    case "matching trigger" -> triggers("Sale", 1, "sale");
                    case "with condition" ->
                        post(app.resolve("triggers?entity=Sale&webhooks=1&url=" + hooks + "sale" + "&condition="
                                + URLEncoder.encode(condition, StandardCharsets.UTF_8)));
                    default -> {}
                }
                reset();
                log("case 11, round %d: %d timed updates, %s", round + 1, timedCommits, c);
                JsonArray nanos = post(app.resolve("sales/timed-updates")).getJsonArray("nanos");
                List<Double> all = samples.computeIfAbsent(c, k -> new ArrayList<>());
                for (int i = 0; i < nanos.size(); i++) {
                    all.add(nanos.getJsonNumber(i).longValue() / 1e6);
                }
                if (c.startsWith("matching") || c.startsWith("with")) {
                    awaitArrivals(timedCommits);
                }
            }
        }
        deleteTriggers();
        Map<String, double[]> sorted = new HashMap<>();
        for (String c : conditions) {
            double[] ms = sorted(samples.get(c));
            sorted.put(c, ms);
            results.add(
                    section,
                    c + ": p50 / p99 / max",
                    BenchResults.fmt(percentile(ms, 0.5)) + " / " + BenchResults.fmt(percentile(ms, 0.99)) + " / "
                            + BenchResults.fmt(ms[ms.length - 1]) + " ms");
        }
        results.target(
                section,
                "with condition and previous state p50",
                percentile(sorted.get("with condition"), 0.5),
                " ms",
                "matching trigger p50",
                percentile(sorted.get("matching trigger"), 0.5),
                false,
                1.10);
        results.target(
                section,
                "other type p50",
                percentile(sorted.get("trigger on another type"), 0.5),
                " ms",
                "no trigger p50",
                percentile(sorted.get("no trigger"), 0.5),
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
        // the machine's floor for the same burst, without the application: what the 5x target can be held to
        double[] raw = rawBursts(fanOutRounds, fanOut, sends);
        results.add(
                section,
                "raw client, " + fanOut + " requests at once from " + sends + " threads: median / max",
                BenchResults.fmt(percentile(raw, 0.5)) + " / " + BenchResults.fmt(raw[raw.length - 1]) + " ms");
        results.ratio(
                section,
                fanOut + " webhooks median vs the raw burst",
                percentile(fifty, 0.5),
                "raw burst median",
                percentile(raw, 0.5),
                " ms");
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
        // as an operator who has fixed the endpoint: close the breaker the outage opened, so that the drain
        // measures the engine and not the wait for the next probe (30 s, doubling while the receiver was down)
        results.add(section, "breaker when the receiver is back, closed from the admin API", closeBreakers());
        post(app.resolve("outbox/due-now"));
        long deadline = TimeUnit.SECONDS.toNanos(drainSeconds) + System.nanoTime();
        JsonObject left = get(app.resolve("outbox"));
        while (depth(left) > 0 && System.nanoTime() < deadline) {
            pause(250);
            left = get(app.resolve("outbox"));
        }
        JsonObject stats = stats();
        boolean drained = depth(left) == 0;
        // drained: until the last arrival (the polls above lag behind it); else until now
        long end = drained ? stats.getJsonNumber("last").longValue() : BenchReceiver.epochMicros();
        double seconds = (end - t0) / 1e6;
        int delivered = stats.getInt("distinct");
        double rate = delivered / seconds;
        results.add(section, "drain rate after the receiver is back", BenchResults.fmt(rate) + "/s");
        results.check(
                section,
                "time until the outbox is empty",
                drained
                        ? BenchResults.fmt(seconds) + " s (" + delivered + " delivered, " + stats.getInt("count")
                                + " requests)"
                        : "NOT EMPTY after " + BenchResults.fmt(seconds) + " s (" + delivered + " delivered, "
                                + depth(left) + " left); at this rate ≈ "
                                + BenchResults.fmt((delivered + depth(left)) / rate) + " s",
                "drains within " + drainSeconds + " s",
                drained);

        reset();
        int rawRequests = Math.min(backlog, 20_000);
        log("case 5: raw client, %d requests from %d threads", rawRequests, sends);
        double raw = rawCeiling(rawRequests, sends);
        String rawLabel = "HttpClient alone, " + sends + " threads (" + BenchResults.fmt(raw) + " req/s)";
        if (db == Database.H2) {
            results.target(section, "drain rate vs raw client, same concurrency", rate, "/s", rawLabel, raw, true, 0.5);
        } else {
            results.ratio(section, "drain rate vs raw client, same concurrency", rate, rawLabel, raw, "/s");
            results.target(
                    section,
                    "drain rate vs plain-JDBC claim + update",
                    rate,
                    "/s",
                    "case 10's ceiling: row by row, best of 1 and 4 workers",
                    claimCeiling,
                    true,
                    0.5);
        }
    }

    /** Closes every open breaker and re-enables every disabled destination; answers what each was. */
    private String closeBreakers() throws Exception {
        List<String> seen = new ArrayList<>();
        for (JsonValue value : get(adminApi.resolve("destinations")).getJsonArray("results")) {
            JsonObject destination = value.asJsonObject();
            String state = destination.getString("state");
            seen.add(destination.getString("destination") + " " + state);
            if (!"closed".equals(state)) {
                post(adminApi.resolve(
                        "destinations/" + destination.getString("destination").replace(':', '/') + "/enable"));
            }
        }
        return seen.isEmpty() ? "no destination state" : String.join(", ", seen);
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

    /** Case 7: RabbitMQ, then Kafka (its test broker started here, and stopped after the server). */
    private void brokers() throws Exception {
        attempt("7 brokers: RabbitMQ", this::rabbitMq);
        attempt("7 brokers: Kafka", () -> {
            KafkaTestBroker broker = KafkaTestBroker.shared();
            kafkaStarted = true;
            log("Kafka test broker at %s", broker.bootstrapServers());
            kafka();
        });
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
        results.target(
                section, "end to end / client alone", endToEnd, " messages/s", "client alone", clientAlone, true, 0.5);
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

    /**
     * {@code n} sales through HTTP from {@code clients} threads, each waiting for its response; answers each
     * request's duration in milliseconds.
     */
    private double[] drive(int n, int clients) throws Exception {
        AtomicInteger next = new AtomicInteger();
        double[] ms = new double[n];
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<Void>> workers = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                        long t0 = System.nanoTime();
                        HttpResponse<String> r = http.send(saleRequest(), HttpResponse.BodyHandlers.ofString());
                        ms[i] = (System.nanoTime() - t0) / 1e6;
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
        return ms;
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
                        rawRequest(target, i);
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

    /** One request with a body like the app's, straight from HttpClient to the receiver. */
    private void rawRequest(URI target, int i) throws Exception {
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

    /**
     * Case 6's floor: the wall time of bursts of {@code requests} raw requests sent at once from {@code threads}
     * threads (the dispatcher's concurrent sends), sorted, one per round.
     */
    private double[] rawBursts(int rounds, int requests, int threads) throws Exception {
        URI target = URI.create(hooks + "raw");
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        double[] ms = new double[rounds];
        try {
            for (int round = 0; round < rounds + 2; round++) {
                List<Future<Void>> burst = new ArrayList<>();
                long t0 = System.nanoTime();
                for (int i = 0; i < requests; i++) {
                    int n = round * requests + i;
                    burst.add(pool.submit(() -> {
                        rawRequest(target, n);
                        return null;
                    }));
                }
                for (Future<Void> f : burst) {
                    f.get(1, TimeUnit.MINUTES);
                }
                if (round >= 2) {
                    ms[round - 2] = (System.nanoTime() - t0) / 1e6;
                }
            }
        } finally {
            pool.shutdownNow();
        }
        Arrays.sort(ms);
        return ms;
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

    /**
     * Sends a control request. A GET or DELETE (safe to repeat: reads, and deleting every trigger) is sent
     * once more when the pooled connection turns out to be closed by the server meanwhile.
     */
    private JsonObject send(HttpRequest.Builder request) throws Exception {
        HttpRequest r = request.timeout(Duration.ofMinutes(10)).build();
        try {
            return json(http.send(r, HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            if (!Set.of("GET", "DELETE").contains(r.method())) {
                throw e;
            }
            log("%s %s: %s, sending it again", r.method(), r.uri(), e.getMessage());
            return json(http.send(r, HttpResponse.BodyHandlers.ofString()));
        }
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

    private static String property(String name, String fallback) {
        String value = System.getProperty(name, "");
        return value.isBlank() ? fallback : value.trim();
    }

    private int count(String property, int full, int quickCount) {
        return Integer.getInteger(property, quick ? quickCount : full);
    }

    private static void log(String format, Object... args) {
        System.out.printf(
                "[bench %s] %s%n",
                OffsetDateTime.now(ZoneOffset.UTC).toLocalTime().withNano(0), String.format(format, args));
        System.out.flush();
    }
}
