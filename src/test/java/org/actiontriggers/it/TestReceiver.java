package org.actiontriggers.it;

import com.standardwebhooks.Webhook;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * A real HTTP receiver on a loopback port, running in the server's JVM next to the in-container tests. Each
 * path can be told how to answer (a status sequence, a delay) and which signing secrets must verify its
 * requests; every request is recorded on arrival.
 */
public final class TestReceiver {

    /**
     * One request as it arrived; header names in lower case.
     *
     * @param rejection why the Standard Webhooks library refused the signature, {@code null} when it accepted
     *     it or the path asks for no verification
     */
    public record Received(
            Instant at, String method, String path, Map<String, String> headers, String body, String rejection) {

        /** The headers as the Standard Webhooks library takes them. */
        public Map<String, List<String>> headerLists() {
            return headers.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> List.of(e.getValue())));
        }
    }

    private record Script(int[] statuses, Duration delay, Map<String, String> headers, String body) {

        Script(int[] statuses, Duration delay, Map<String, String> headers) {
            this(statuses, delay, headers, null);
        }
    }

    private static TestReceiver instance;

    private final HttpServer server;
    private final List<Received> received = new ArrayList<>();
    private final Map<String, Script> scripts = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> counters = new ConcurrentHashMap<>();
    private final Map<String, List<String>> requiredSecrets = new ConcurrentHashMap<>();

    private static final Map<Integer, TestReceiver> ON_PORT = new ConcurrentHashMap<>();

    private TestReceiver(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
        server.setExecutor(Executors.newFixedThreadPool(64));
        server.createContext("/", this::handle);
        server.start();
    }

    public static synchronized TestReceiver get() {
        if (instance == null) {
            try {
                instance = new TestReceiver(0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    /**
     * A second receiver on a port chosen before the server started, for URLs that are settings (the operator's
     * alert webhook), not per-test configs.
     */
    public static TestReceiver onPort(int port) {
        return ON_PORT.computeIfAbsent(port, p -> {
            try {
                return new TestReceiver(p);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The URL of a path on this receiver, e.g. {@code http://127.0.0.1:41234/hooks/seed}. */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Answer the path with these statuses in turn; the last one repeats. */
    public void respond(String path, int... statuses) {
        scripts.put(path, new Script(statuses, Duration.ZERO, Map.of()));
    }

    /** Answer the path with a status and extra response headers. */
    public void respond(String path, int status, Map<String, String> headers) {
        scripts.put(path, new Script(new int[] {status}, Duration.ZERO, headers));
    }

    /** Answer the path with this status and body. */
    public void respondWithBody(String path, int status, String body) {
        scripts.put(path, new Script(new int[] {status}, Duration.ZERO, Map.of(), body));
    }

    /** Answer the path with 200 after the delay. */
    public void delay(String path, Duration delay) {
        scripts.put(path, new Script(new int[] {200}, delay, Map.of()));
    }

    /**
     * Verify every request to the path with the independent Standard Webhooks library: each of these secrets
     * must verify it, else the receiver answers 401 and records why.
     */
    public void requireSignatures(String path, String... secrets) {
        requiredSecrets.put(path, List.of(secrets));
    }

    public synchronized List<Received> at(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        Map<String, String> headers = new TreeMap<>();
        exchange.getRequestHeaders()
                .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.get(0)));
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String rejection = rejection(path, headers, body);
        synchronized (this) {
            received.add(new Received(Instant.now(), exchange.getRequestMethod(), path, headers, body, rejection));
        }
        Script script = scripts.getOrDefault(path, new Script(new int[] {200}, Duration.ZERO, Map.of()));
        int n = counters.computeIfAbsent(path, p -> new AtomicInteger()).getAndIncrement();
        int status = rejection != null ? 401 : script.statuses()[Math.min(n, script.statuses().length - 1)];
        try {
            if (!script.delay().isZero()) {
                Thread.sleep(script.delay().toMillis()); // the simulated slow receiver, not synchronization
            }
            script.headers()
                    .forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            byte[] answer =
                    (script.body() != null ? script.body() : "status " + status).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException clientGaveUp) {
            // the sender timed out and closed the connection: expected in timeout tests
        } finally {
            exchange.close();
        }
    }

    private String rejection(String path, Map<String, String> headers, String body) {
        List<String> secrets = requiredSecrets.get(path);
        if (secrets == null) {
            return null;
        }
        Map<String, List<String>> lists = new Received(null, null, path, headers, body, null).headerLists();
        for (int i = 0; i < secrets.size(); i++) {
            try {
                new Webhook(secrets.get(i)).verify(body, lists);
            } catch (Exception e) {
                return "secret #" + i + ": " + e.getMessage();
            }
        }
        return null;
    }
}
