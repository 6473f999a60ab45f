package org.actiontriggers.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The webhook receiver of the benchmark, a process of its own so that it does not share the server's heap
 * or JIT, built on the JDK's HTTP server only.
 *
 * <p>Webhooks arrive on one port, which can be taken down (connections refused) and brought back; control
 * requests arrive on another, which stays up: {@code POST /reset}, {@code POST /delay?ms=…}, {@code POST
 * /down}, {@code POST /up}, {@code GET /stats} (counts and first/last arrival) and {@code GET /arrivals} (one
 * line per request: the sale id from the body, the path index, the arrival in epoch microseconds). Prints
 * {@code hooks=<port> control=<port>} on its first line, then runs until {@code POST /quit} or its parent's
 * end.
 */
public final class BenchReceiver {

    private static final int CAPACITY = 1 << 20;
    private static final byte[] OK = "ok".getBytes(StandardCharsets.US_ASCII);

    private final long[] ids = new long[CAPACITY];
    private final int[] paths = new int[CAPACITY];
    private final long[] times = new long[CAPACITY];
    private final AtomicInteger count = new AtomicInteger();
    private final AtomicLong first = new AtomicLong(Long.MAX_VALUE);
    private final AtomicLong last = new AtomicLong();
    private final Set<String> webhookIds = ConcurrentHashMap.newKeySet();
    private final ExecutorService hookThreads = Executors.newFixedThreadPool(160);
    private final CountDownLatch quit = new CountDownLatch(1);
    private volatile long delayMillis;
    private volatile HttpServer hooks;
    private int hookPort;

    public static void main(String[] args) throws Exception {
        new BenchReceiver().run();
    }

    private void run() throws Exception {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        hooks = startHooks(new InetSocketAddress(loopback, 0));
        hookPort = hooks.getAddress().getPort();
        HttpServer control = HttpServer.create(new InetSocketAddress(loopback, 0), 64);
        control.createContext("/", this::control);
        control.setExecutor(Executors.newSingleThreadExecutor());
        control.start();
        System.out.println(
                "hooks=" + hookPort + " control=" + control.getAddress().getPort());
        System.out.flush();
        Thread parentWatch = new Thread(this::quitWhenParentEnds, "parent-watch");
        parentWatch.setDaemon(true);
        parentWatch.start();
        quit.await();
        control.stop(0);
        HttpServer h = hooks;
        if (h != null) {
            h.stop(0);
        }
        hookThreads.shutdownNow();
    }

    /** The driver talks to stdin; when it dies its end of the pipe closes and this process follows. */
    private void quitWhenParentEnds() {
        try {
            while (System.in.read() >= 0) {
                // the driver writes nothing; end of stream is the signal
            }
        } catch (IOException e) {
            // the pipe broke: the parent is gone as well
        }
        quit.countDown();
    }

    private HttpServer startHooks(InetSocketAddress address) throws IOException {
        HttpServer server = HttpServer.create(address, 1024);
        server.createContext("/", this::hook);
        server.setExecutor(hookThreads);
        server.start();
        return server;
    }

    private void hook(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            long at = epochMicros();
            String webhookId = exchange.getRequestHeaders().getFirst("webhook-id");
            if (webhookId != null) {
                webhookIds.add(webhookId);
            }
            int i = count.getAndIncrement();
            if (i < CAPACITY) {
                ids[i] = saleId(body);
                paths[i] = pathIndex(exchange.getRequestURI().getPath());
                times[i] = at;
            }
            first.accumulateAndGet(at, Math::min);
            last.accumulateAndGet(at, Math::max);
            long delay = delayMillis;
            if (delay > 0) {
                Thread.sleep(delay); // the simulated slow receiver, not synchronization
            }
            exchange.sendResponseHeaders(200, OK.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(OK);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void control(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String query = exchange.getRequestURI().getQuery();
            String answer = switch (path) {
                case "/reset" -> reset();
                case "/delay" -> {
                    delayMillis = Long.parseLong(query.substring(query.indexOf('=') + 1));
                    yield "delay " + delayMillis;
                }
                case "/down" -> down();
                case "/up" -> up();
                case "/stats" -> stats();
                case "/arrivals" -> arrivals();
                case "/quit" -> {
                    quit.countDown();
                    yield "bye";
                }
                default -> null;
            };
            byte[] bytes = (answer == null ? "unknown" : answer).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer == null ? 404 : 200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private synchronized String reset() {
        count.set(0);
        first.set(Long.MAX_VALUE);
        last.set(0);
        webhookIds.clear();
        return "reset";
    }

    private synchronized String down() {
        HttpServer h = hooks;
        if (h != null) {
            h.stop(0);
            hooks = null;
        }
        return "down";
    }

    private synchronized String up() throws IOException {
        if (hooks == null) {
            hooks = startHooks(new InetSocketAddress(InetAddress.getLoopbackAddress(), hookPort));
        }
        return "up";
    }

    private String stats() {
        int n = count.get();
        return "{\"count\":" + n + ",\"distinct\":" + webhookIds.size() + ",\"first\":" + (n == 0 ? 0 : first.get())
                + ",\"last\":" + last.get() + "}";
    }

    private String arrivals() {
        int n = Math.min(count.get(), CAPACITY);
        StringBuilder out = new StringBuilder(n * 28);
        for (int i = 0; i < n; i++) {
            out.append(ids[i])
                    .append(' ')
                    .append(paths[i])
                    .append(' ')
                    .append(times[i])
                    .append('\n');
        }
        return out.toString();
    }

    /** The number after {@code "id":} in the body; -1 when there is none. */
    static long saleId(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        int at = text.indexOf("\"id\":");
        if (at < 0) {
            return -1;
        }
        long id = 0;
        boolean digits = false;
        for (int i = at + 5; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                id = id * 10 + (c - '0');
                digits = true;
            } else if (digits || c != ' ') {
                break;
            }
        }
        return digits ? id : -1;
    }

    /** The webhook's index: {@code /hooks/sale} is 0, {@code /hooks/sale/7} is 7. */
    static int pathIndex(String path) {
        int slash = path.lastIndexOf('/');
        try {
            return Integer.parseInt(path.substring(slash + 1));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static long epochMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }
}
