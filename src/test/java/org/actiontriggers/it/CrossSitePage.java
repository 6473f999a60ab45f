package org.actiontriggers.it;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * An attacker's page on another origin — loopback, another port: the same site, so the browser sends even
 * {@code SameSite=Strict} cookies along and only the console's own defences stand in the way. It serves one HTML
 * page, given by the test, at {@link #url()}.
 */
final class CrossSitePage implements AutoCloseable {

    private final HttpServer server;

    CrossSitePage(String html) {
        try {
            server = HttpServer.create(new InetSocketAddress(ApiClient.LOOPBACK, 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] page = html.getBytes(StandardCharsets.UTF_8);
        server.createContext("/", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=UTF-8");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        server.start();
    }

    /** A page whose form posts these fields to {@code action} as soon as it loads. */
    static CrossSitePage postingOnLoad(String action, String... namesAndValues) {
        StringBuilder fields = new StringBuilder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.append("<input type=\"hidden\" name=\"")
                    .append(namesAndValues[i])
                    .append("\" value=\"")
                    .append(namesAndValues[i + 1])
                    .append("\">");
        }
        return new CrossSitePage("<!DOCTYPE html><html><body><form id=\"attack\" method=\"post\" action=\"" + action
                + "\">" + fields + "</form><script>document.getElementById('attack').submit();</script></body></html>");
    }

    String url() {
        return "http://" + ApiClient.LOOPBACK + ":" + server.getAddress().getPort() + "/";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
