package org.actiontriggers.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One port listened on at 127.0.0.1, 127.0.0.2 and {@code ::1} — every address the loopback spellings of the
 * SSRF test lead to — counting the connections that reach it. It never listens on a network interface: a test
 * target is loopback or nothing. A machine without IPv6 has no {@code ::1} for anything to reach, so it is left
 * out there.
 */
final class LoopbackTrap implements AutoCloseable {

    private static final String[] ADDRESSES = {"127.0.0.1", "127.0.0.2", "::1"};
    private static final int TRIES = 20;

    private final List<ServerSocket> sockets;
    private final AtomicInteger connections = new AtomicInteger();

    private LoopbackTrap(List<ServerSocket> sockets) {
        this.sockets = sockets;
        for (ServerSocket socket : sockets) {
            Thread acceptor = new Thread(() -> accept(socket), "loopback-trap-" + socket.getInetAddress());
            acceptor.setDaemon(true);
            acceptor.start();
        }
    }

    /** Binds the same free port on each loopback address, trying other ports when one is taken on some. */
    static LoopbackTrap open() throws IOException {
        IOException last = null;
        for (int i = 0; i < TRIES; i++) {
            List<ServerSocket> bound = new ArrayList<>();
            try {
                ServerSocket first = new ServerSocket();
                bound.add(first);
                first.bind(new InetSocketAddress(InetAddress.getByName(ADDRESSES[0]), 0));
                for (int a = 1; a < ADDRESSES.length; a++) {
                    bindIfPresent(bound, ADDRESSES[a], first.getLocalPort());
                }
                return new LoopbackTrap(bound);
            } catch (IOException taken) {
                last = taken;
                closeAll(bound);
            }
        }
        throw last;
    }

    private static void bindIfPresent(List<ServerSocket> bound, String address, int port) throws IOException {
        ServerSocket socket = new ServerSocket();
        bound.add(socket);
        try {
            socket.bind(new InetSocketAddress(InetAddress.getByName(address), port));
        } catch (SocketException e) {
            if (address.contains(":") && isMissing(e)) {
                bound.remove(socket);
                socket.close();
                return;
            }
            throw e;
        }
    }

    /** The address does not exist on this machine (IPv6 off), as opposed to a port already in use. */
    private static boolean isMissing(SocketException e) {
        String message = String.valueOf(e.getMessage());
        return message.contains("Cannot assign requested address") || message.contains("Protocol family unavailable");
    }

    int port() {
        return sockets.get(0).getLocalPort();
    }

    int connections() {
        return connections.get();
    }

    List<String> addresses() {
        return sockets.stream().map(s -> s.getInetAddress().getHostAddress()).toList();
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            try (Socket accepted = socket.accept()) {
                connections.incrementAndGet();
            } catch (IOException closed) {
                return;
            }
        }
    }

    @Override
    public void close() {
        closeAll(sockets);
    }

    private static void closeAll(List<ServerSocket> sockets) {
        for (ServerSocket socket : sockets) {
            try {
                socket.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
