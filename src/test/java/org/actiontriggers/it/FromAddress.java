package org.actiontriggers.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One plain HTTP/1.1 GET from a chosen loopback source address (127.0.0.2, 127.0.0.3, …; Linux answers on all of
 * 127/8), so a test can be a client at another address than the browser and the other clients at 127.0.0.1.
 * The JDK's HttpClient cannot choose its source address on Java 17.
 */
final class FromAddress {

    /** What the server answered; header names in lower case. */
    record Answer(int status, Map<String, String> headers, String text) {}

    private FromAddress() {}

    /** A GET of {@code path} (relative to {@code base}) with Basic credentials, from {@code source}. */
    static Answer get(URI base, String path, String source, String user, String password) {
        URI target = base.resolve(path);
        String credentials =
                Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(source, 0));
            socket.connect(new InetSocketAddress(target.getHost(), target.getPort()), 10_000);
            socket.setSoTimeout(60_000);
            socket.getOutputStream()
                    .write(("GET " + target.getRawPath() + " HTTP/1.1\r\nHost: " + target.getHost() + ":"
                                    + target.getPort() + "\r\nAuthorization: Basic " + credentials
                                    + "\r\nAccept: application/json\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            String text = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String[] lines = text.split("\r\n");
            Map<String, String> headers = new TreeMap<>();
            for (int i = 1; i < lines.length && !lines[i].isEmpty(); i++) {
                int colon = lines[i].indexOf(':');
                headers.put(
                        lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim());
            }
            return new Answer(Integer.parseInt(lines[0].split(" ")[1]), headers, text);
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + target + " from " + source, e);
        }
    }
}
