package org.actiontriggers.it;

import java.util.concurrent.atomic.AtomicInteger;

/** What a template injection would call if it could run code: counts every call. */
public final class SandboxProbe {

    public static final AtomicInteger CALLS = new AtomicInteger();

    private SandboxProbe() {}

    public static String trip() {
        CALLS.incrementAndGet();
        return "tripped";
    }
}
