package org.actiontriggers.demo;

import java.time.Instant;
import java.util.Map;

/** What the demo receiver got: credentials among the headers are already redacted. */
public record ReceivedRequest(
        Instant receivedAt, String method, String path, Map<String, String> headers, String body) {}
