package org.actiontriggers.it.cluster;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One Payara Micro running the application in a process of its own, as in production: started with
 * {@code java -jar payara-micro.jar}, ready when the application answers, and killable with SIGKILL. Its
 * output goes to {@code target/cluster-drills/<name>.log}.
 */
final class PayaraMicroProcess {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String name;
    private final Path war;
    private final Path systemProperties;
    private final Path datasourceCommands;
    private final Path log;
    private final Map<String, String> environment;
    private Process process;
    private int port;

    PayaraMicroProcess(String name, Path war, Path systemProperties, Path datasourceCommands) {
        this(name, war, systemProperties, datasourceCommands, Map.of());
    }

    /** @param environment added to the process's environment, e.g. to skew its clock with libfaketime */
    PayaraMicroProcess(
            String name, Path war, Path systemProperties, Path datasourceCommands, Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
        this.name = name;
        this.war = war;
        this.systemProperties = systemProperties;
        this.datasourceCommands = datasourceCommands;
        this.log = war.resolveSibling(name + ".log");
    }

    /** Starts the server on a free port and returns once the application answers. */
    Duration startAndAwaitReady(Duration timeout) {
        long t0 = System.nanoTime();
        port = freePort();
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-Xmx768m",
                "-jar",
                System.getProperty("payara.microJar", "target/payara-micro.jar"),
                "--nocluster",
                "--port",
                Integer.toString(port),
                "--postbootcommandfile",
                datasourceCommands.toString(),
                "--systemproperties",
                systemProperties.toString(),
                "--deploy",
                war.toString()));
        String extraLibs = System.getProperty("it.extra.libs", "").trim();
        if (!extraLibs.isEmpty()) {
            command.addAll(Arrays.asList(extraLibs.split("\\s+")));
        }
        try {
            Files.writeString(
                    log,
                    "=== start on port " + port + ": " + String.join(" ", command) + "\n",
                    java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().putAll(environment);
            process = builder.redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        await("instance " + name + " answers on port " + port)
                .atMost(timeout)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
                    }
                    return answers();
                });
        return Duration.ofNanos(System.nanoTime() - t0);
    }

    private boolean answers() {
        try {
            HttpResponse<Void> response = HTTP.send(
                    HttpRequest.newBuilder(uri("api/demo/received"))
                            .timeout(Duration.ofSeconds(5))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** SIGKILL: no shutdown hook, no graceful end of anything in flight. */
    void kill() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            waitForExit();
        }
    }

    private void waitForExit() {
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException(name + " did not exit");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether the process was started and has not exited. */
    boolean isRunning() {
        return process != null && process.isAlive();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + "/action-triggers/" + path);
    }

    String name() {
        return name;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
