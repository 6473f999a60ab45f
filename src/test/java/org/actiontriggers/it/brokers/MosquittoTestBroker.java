package org.actiontriggers.it.brokers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A Mosquitto broker of the test's own, started from the machine's {@code mosquitto} binary ({@code
 * /usr/sbin/mosquitto}, or the system property {@code mosquitto.binary}) on a free loopback port, with
 * persistence and its log under {@code target/mosquitto/}. For outage drills: {@link #stop()} (SIGTERM, so it
 * saves its sessions and a persistent subscriber keeps its subscription) and {@link #restart()} touch only this
 * process, never the machine's shared Mosquitto on 1883. Clients may publish under {@code it/#} and {@code
 * drill/#} but only read {@code forbidden/#} (to see a refused PUBACK); the ACL is written as patterns so that a
 * persistent subscriber also gets what is published after a restart before it reconnects. Stopped at JVM exit.
 */
public final class MosquittoTestBroker {

    /** The machine's shared Mosquitto, for tests that do not stop the broker. */
    public static final String MACHINE_HOST = "127.0.0.1";

    public static final int MACHINE_PORT = 1883;

    private final int port;
    private final Path dir;
    private Process process;

    private MosquittoTestBroker(int port) {
        this.port = port;
        this.dir = ChildProcesses.freshDir("mosquitto.test.dir", "target/mosquitto", "broker-" + port);
    }

    /** Starts a new broker and returns once it accepts connections. */
    public static MosquittoTestBroker start() {
        return start(ChildProcesses.freePort());
    }

    /** Starts a new broker on the given port (for settings written before the application server boots). */
    public static MosquittoTestBroker start(int port) {
        MosquittoTestBroker broker = new MosquittoTestBroker(port);
        Runtime.getRuntime().addShutdownHook(new Thread(broker::stop, "mosquitto-test-broker-stop"));
        broker.restart();
        return broker;
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return port;
    }

    public Path logFile() {
        return dir.resolve("mosquitto.log");
    }

    /** Starts the stopped broker again, on the same port with the sessions it saved. */
    public synchronized void restart() {
        if (process != null && process.isAlive()) {
            return;
        }
        String binary = System.getProperty("mosquitto.binary", "/usr/sbin/mosquitto");
        try {
            Path acl = dir.resolve("acl");
            // 'pattern' rather than 'topic' lines: Mosquitto checks a 'topic' line against the ACL list it builds for
            // a client when the client connects, and a session restored from the saved database has none until its
            // client is back, so every message published after a restart to a persistent subscriber that has not
            // reconnected yet is denied and silently dropped (eclipse-mosquitto/mosquitto#384; seen with 2.0.11).
            // Patterns are checked without that list.
            Files.writeString(acl, "pattern readwrite it/#\npattern readwrite drill/#\npattern read forbidden/#\n");
            Path config = dir.resolve("mosquitto.conf");
            Files.writeString(
                    config,
                    String.join(
                            "\n",
                            "listener " + port + " 127.0.0.1",
                            "allow_anonymous true",
                            "acl_file " + acl,
                            "persistence true",
                            "persistence_location " + dir + "/",
                            // as root Mosquitto would switch to the 'mosquitto' user, who cannot write here
                            "user root",
                            "log_dest stdout",
                            "log_type " + System.getProperty("mosquitto.log.type", "information"),
                            ""));
            process = new ProcessBuilder(List.of(binary, "-c", config.toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + binary, e);
        }
        ChildProcesses.awaitListening(process, port, logFile());
    }

    /** Stops the broker (SIGTERM: it saves its sessions first); {@link #restart()} brings it back. */
    public synchronized void stop() {
        ChildProcesses.stop(process);
        process = null;
    }
}
