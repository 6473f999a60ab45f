package org.actiontriggers.it.brokers;

import static org.awaitility.Awaitility.await;

import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A NATS server with JetStream of the test's own, started from the machine's {@code nats-server} binary
 * ({@code /usr/sbin/nats-server}, or the system property {@code nats.server.binary}) on a free loopback port,
 * with its store and log under {@code target/nats-server/}. For outage drills: {@link #stop()} and {@link
 * #start()} stop and restart this process only, never the machine's shared server on 4222 that other builds
 * use. Stopped at JVM exit.
 */
public final class NatsTestServer {

    /** The machine's shared NATS with JetStream, for tests that do not stop the server. */
    public static final String MACHINE_SERVER = "nats://127.0.0.1:4222";

    private final int port;
    private final Path dir;
    private Process process;

    private NatsTestServer(int port) {
        this.port = port;
        this.dir = ChildProcesses.freshDir("nats.test.server.dir", "target/nats-server", "server-" + port);
    }

    /** Starts a new server and returns once JetStream answers. */
    public static NatsTestServer start() {
        return start(ChildProcesses.freePort());
    }

    /** Starts a new server on the given port (for settings written before the application server boots). */
    public static NatsTestServer start(int port) {
        NatsTestServer server = new NatsTestServer(port);
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "nats-test-server-stop"));
        server.restart();
        return server;
    }

    public int port() {
        return port;
    }

    public String url() {
        return "nats://127.0.0.1:" + port;
    }

    public Path logFile() {
        return dir.resolve("nats-server.log");
    }

    /** Starts the stopped server again, on the same port with the same JetStream store. */
    public synchronized void restart() {
        if (process != null && process.isAlive()) {
            return;
        }
        String binary = System.getProperty("nats.server.binary", "/usr/sbin/nats-server");
        try {
            process = new ProcessBuilder(List.of(
                            binary,
                            "-a",
                            "127.0.0.1",
                            "-p",
                            Integer.toString(port),
                            "-js",
                            "-sd",
                            dir.resolve("store").toString(),
                            "-l",
                            logFile().toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            dir.resolve("stdout.log").toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + binary, e);
        }
        ChildProcesses.awaitListening(process, port, logFile());
        Options options = new Options.Builder().server(url()).build();
        await("JetStream on " + url())
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .ignoreExceptions()
                .until(() -> {
                    try (Connection connection = Nats.connect(options)) {
                        return connection.jetStreamManagement().getAccountStatistics() != null;
                    }
                });
    }

    /** Stops the server (SIGTERM); {@link #restart()} brings it back. */
    public synchronized void stop() {
        ChildProcesses.stop(process);
        process = null;
    }
}
