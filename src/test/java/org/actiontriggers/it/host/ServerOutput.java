package org.actiontriggers.it.host;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Keeps a copy of what the test JVM prints while a test class runs — the managed servers' console output, which
 * both Arquillian containers copy to {@code System.out} — so a test can read what a server said at start-up.
 * Register it before the Arquillian extension, so it already listens when the deployments start.
 */
final class ServerOutput implements BeforeAllCallback, AfterAllCallback {

    private static final ByteArrayOutputStream COPY = new ByteArrayOutputStream();
    private static PrintStream original;

    @Override
    public void beforeAll(ExtensionContext context) {
        original = System.out;
        System.setOut(new PrintStream(new Tee(original), true, StandardCharsets.UTF_8));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        System.setOut(original);
    }

    /** Everything printed since the class started. */
    static String text() {
        synchronized (COPY) {
            return COPY.toString(StandardCharsets.UTF_8);
        }
    }

    private static final class Tee extends OutputStream {
        private final PrintStream to;

        Tee(PrintStream to) {
            this.to = to;
        }

        @Override
        public void write(int b) {
            to.write(b);
            synchronized (COPY) {
                COPY.write(b);
            }
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            to.write(bytes, offset, length);
            synchronized (COPY) {
                COPY.write(bytes, offset, length);
            }
        }

        @Override
        public void flush() {
            to.flush();
        }
    }
}
