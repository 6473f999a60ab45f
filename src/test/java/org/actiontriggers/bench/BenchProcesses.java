package org.actiontriggers.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * Starts and stops the processes the benchmark drives — the receiver and one Payara Micro per database —
 * and prepares their databases. Whatever happens, they end with the driver: a shutdown hook destroys them,
 * and the receiver also quits when its stdin (a pipe from the driver) closes.
 */
final class BenchProcesses implements AutoCloseable {

    /** The PostgreSQL database the benchmark creates and drops; never one somebody else uses. */
    static final String PG_DATABASE = "action_triggers_bench";

    private final Path dir;
    private final List<Process> started = new ArrayList<>();
    private final Thread hook = new Thread(this::destroyAll, "bench-cleanup");
    private String pgAdminUrl;
    private String pgUser;

    BenchProcesses(Path dir) {
        this.dir = dir;
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Ports of a started receiver. */
    record Receiver(Process process, int hookPort, int controlPort) {}

    Receiver startReceiver() throws IOException, InterruptedException {
        Process p = new ProcessBuilder(
                        java(),
                        "-Xmx512m",
                        // answer without waiting for the client's delayed ACK (Nagle), as production servers do
                        "-Dsun.net.httpserver.nodelay=true",
                        "-cp",
                        System.getProperty("java.class.path"),
                        BenchReceiver.class.getName())
                .redirectError(dir.resolve("receiver.log").toFile())
                .start();
        started.add(p);
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line;
        try {
            line = CompletableFuture.supplyAsync(() -> {
                        try {
                            return out.readLine();
                        } catch (IOException e) {
                            return null;
                        }
                    })
                    .get(60, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the receiver did not report its ports within 60 s", e);
        }
        if (line == null || !line.startsWith("hooks=")) {
            throw new IllegalStateException("the receiver did not start; see " + dir.resolve("receiver.log"));
        }
        String[] parts = line.split("[ =]");
        return new Receiver(p, Integer.parseInt(parts[1]), Integer.parseInt(parts[3]));
    }

    /** An H2 file database under the bench directory, created afresh; answers its asadmin command file. */
    Path h2Datasource() throws IOException {
        Path file = dir.resolve("datasource-h2.asadmin");
        Path h2 = dir.resolve("h2");
        deleteTree(h2);
        String url = "jdbc:h2:file:" + h2.toAbsolutePath().resolve("bench");
        // as server-config's H2 datasources: a query cache larger than H2's 8 statements per connection
        Files.writeString(
                file,
                "create-jdbc-connection-pool --datasourceclassname org.h2.jdbcx.JdbcDataSource"
                        + " --restype javax.sql.DataSource --steadypoolsize 4 --maxpoolsize 64"
                        + " --property url=" + url.replace(":", "\\:") + ";QUERY_CACHE_SIZE\\=64"
                        + " action-triggers-pool\n"
                        + "create-jdbc-resource --connectionpoolid action-triggers-pool jdbc/action-triggers\n");
        return file;
    }

    /**
     * The given PostgreSQL asadmin command file pointed at {@value #PG_DATABASE}, which is dropped and created
     * afresh through {@code adminUrl} (a database of the same server that always exists, e.g. {@code postgres}).
     */
    Path postgresDatasource(Path given, String adminUrl, String user) throws IOException, SQLException {
        Path file = dir.resolve("datasource-postgresql.asadmin");
        String commands = Files.readString(given)
                .replaceAll("databaseName=[^:\\s]+", "databaseName=" + PG_DATABASE)
                .replaceAll("(jdbc\\\\?:postgresql\\\\?://[^/\\s]+/)[^?:;\\s]+", "$1" + PG_DATABASE);
        Files.writeString(file, commands);
        pgAdminUrl = adminUrl;
        pgUser = user;
        pgAdmin("DROP DATABASE IF EXISTS " + PG_DATABASE + " WITH (FORCE)");
        pgAdmin("CREATE DATABASE " + PG_DATABASE);
        return file;
    }

    /** The JDBC URL of {@value #PG_DATABASE} on the admin URL's server. */
    String postgresBenchUrl() {
        return pgAdminUrl.replaceFirst("(jdbc:postgresql://[^/]+/)[^?]*", "$1" + PG_DATABASE);
    }

    /** Drops {@value #PG_DATABASE} when this run created it. */
    void dropPostgresDatabase() {
        if (pgAdminUrl != null) {
            try {
                pgAdmin("DROP DATABASE IF EXISTS " + PG_DATABASE + " WITH (FORCE)");
            } catch (SQLException e) {
                System.err.println("Could not drop " + PG_DATABASE + ": " + e.getMessage());
            }
            pgAdminUrl = null;
        }
    }

    /**
     * Starts Payara Micro with the bench WAR, its output in {@code <dir>/payara-<name>.log} (and a Flight
     * Recording in {@code payara-<name>.jfr} when {@code jfr}); returns once it is started, not once the app
     * answers.
     */
    Process startPayara(Path war, Path properties, Path datasource, String addlibs, int port, String name, boolean jfr)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(java(), "-Xms1g", "-Xmx1g"));
        if (jfr) {
            command.add("-XX:StartFlightRecording=filename="
                    + dir.resolve("payara-" + name + ".jfr").toAbsolutePath() + ",settings=profile,dumponexit=true");
        }
        command.addAll(List.of(
                "-jar",
                Path.of("target/payara-micro.jar").toAbsolutePath().toString(),
                "--nocluster",
                "--port",
                Integer.toString(port),
                "--contextroot",
                "/",
                "--systemproperties",
                properties.toAbsolutePath().toString(),
                "--postbootcommandfile",
                datasource.toAbsolutePath().toString()));
        if (addlibs != null && !addlibs.isBlank()) {
            command.addAll(
                    List.of("--addlibs", Path.of(addlibs).toAbsolutePath().toString()));
        }
        command.addAll(List.of("--deploy", war.toAbsolutePath().toString()));
        Process p = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(payaraLog(name).toFile())
                .start();
        started.add(p);
        return p;
    }

    /** Where the output of the server started under {@code name} goes. */
    Path payaraLog(String name) {
        return dir.resolve("payara-" + name + ".log");
    }

    /** A port that was free a moment ago. */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    /** Stops the processes (Payara gets a normal shutdown, so a JFR recording is written) and drops the PG database. */
    @Override
    public void close() {
        destroyAll();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway
        }
        dropPostgresDatabase();
    }

    /** Stops one server (a normal shutdown first, so a JFR recording is written). */
    synchronized void stop(Process p) {
        p.destroy();
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                p.waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        started.remove(p);
    }

    private synchronized void destroyAll() {
        for (Process p : started) {
            p.destroy();
        }
        for (Process p : started) {
            try {
                if (!p.waitFor(60, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        started.clear();
    }

    private void pgAdmin(String sql) throws SQLException {
        Properties credentials = new Properties();
        credentials.setProperty("user", pgUser);
        try (Connection c = DriverManager.getConnection(pgAdminUrl, credentials);
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** The last lines of a log, for a failure message. */
    static String tail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            StringWriter out = new StringWriter();
            all.subList(Math.max(0, all.size() - lines), all.size())
                    .forEach(l -> out.append(l).append('\n'));
            return out.toString();
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
