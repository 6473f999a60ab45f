package org.actiontriggers.deliver;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import org.actiontriggers.outbox.AttemptRecord;
import org.actiontriggers.settings.Settings;
import org.actiontriggers.settings.TriggerSettings;
import org.actiontriggers.trigger.HeaderRules;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * Sends one webhook request and notes every attempt, for the finish stage to put on record with the
 * delivery's new state in one transaction.
 *
 * <p>The HTTP client is Apache HttpClient 5 because it lets us own name resolution: its only resolver is
 * the {@link DestinationGuard}, so the addresses checked against the SSRF rules are exactly the ones it
 * connects to (no DNS-rebinding gap), while TLS still uses the URL's host name for SNI and certificate
 * checks. The JDK's {@code java.net.http.HttpClient} has no such hook on Java 17. No proxy is used (a proxy
 * would resolve names itself), redirects are not followed, and nothing is retried or decompressed behind our
 * back.
 *
 * <p>Quick transient failures are retried in process ({@link QuickRetry}, {@code action-triggers.quick-retries}
 * and {@code quick-retry-delay}); longer outages are the durable retry schedule's job, so a delivery survives
 * restarts, and the destination's breaker is the policy's (package {@code policy}), per endpoint. Each
 * attempt has a hard deadline of the effective timeout, from connecting to the end of the (capped) response:
 * a task on a plain scheduler cancels the exchange, besides the client's connect, pool and response
 * timeouts. No MicroProfile Fault Tolerance annotation is used: each cost more than it protected
 * (docs/how-it-works.md, "What bounds an attempt").
 *
 * <p>Each attempt is signed per the Standard Webhooks spec with its own {@code webhook-timestamp}, the time
 * of the attempt: receivers' libraries reject timestamps more than five minutes off, so a retry hours later
 * must not carry the time of the change. {@code webhook-id} stays the same on every attempt, for
 * deduplication.
 *
 * <p>408, 429 and 5xx and connection failures are retryable; other statuses outside 2xx fail at once, as do
 * refused destinations.
 */
@ApplicationScoped
public class WebhookSender {

    private static final Logger LOG = Logger.getLogger(WebhookSender.class.getName());
    private static final int DRAIN_LIMIT = 1 << 20;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** Longer than any schedule; the dispatcher caps what it honours anyway. */
    private static final Duration MAX_RETRY_AFTER = Duration.ofDays(365);

    @Inject
    TriggerSettings settings;

    @Resource
    ManagedThreadFactory threads;

    private CloseableHttpClient client;
    /** Cuts requests at their deadline: a plain executor, so scheduling one captures no container context. */
    private ScheduledThreadPoolExecutor deadlines;

    @PostConstruct
    void start() {
        deadlines = new ScheduledThreadPoolExecutor(1, threads);
        deadlines.setRemoveOnCancelPolicy(true);
        Settings current = settings.current();
        int connections = Math.max(current.maxConcurrentSends(), 1);
        DestinationGuard guard = new DestinationGuard(() -> settings.current().allowedPrivateNetworks());
        client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(guard)
                        .setMaxConnTotal(connections * 2)
                        .setMaxConnPerRoute(connections)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(CONNECT_TIMEOUT))
                                .setTimeToLive(TimeValue.ofMinutes(1))
                                .build())
                        .build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableContentCompression()
                .setUserAgent("action-triggers")
                .build();
    }

    @PreDestroy
    void stop() {
        deadlines.shutdownNow();
        try {
            client.close();
        } catch (IOException e) {
            LOG.fine(() -> "Closing the HTTP client: " + e);
        }
    }

    /**
     * Sends the request once, or up to three times when a retry may help.
     *
     * @param attempts where each attempt is noted, in-process retries included
     * @return the HTTP status: 2xx, or one that retrying cannot fix
     * @throws RetryableSendFailure when the last try failed in a way a later retry may fix
     * @throws InvalidRequestException when the delivery cannot become a valid HTTP request (say, a header name
     *     HTTP does not allow) or its destination is refused; nothing is sent
     */
    public int send(SendRequest request, List<AttemptRecord> attempts) throws RetryableSendFailure {
        // a receiver that asked for a later time (Retry-After) is not asked again at once
        return QuickRetry.run(
                settings.current().quickRetries(),
                RetryableSendFailure.class,
                failure -> !(failure instanceof RetryLaterFailure),
                () -> sendOnce(request, attempts));
    }

    private int sendOnce(SendRequest request, List<AttemptRecord> attempts) throws RetryableSendFailure {
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        Integer status = null;
        String errorKind = null;
        String error = null;
        String responseBody = null;
        Duration retryAfter = null;
        URI uri;
        HttpUriRequestBase httpRequest;
        try {
            uri = URI.create(request.url());
            httpRequest = build(uri, request);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("the request cannot be built: " + e.getMessage());
        }
        HttpHost target = new HttpHost(
                uri.getScheme().toLowerCase(Locale.ROOT), DestinationGuard.stripBrackets(uri.getHost()), uri.getPort());
        AtomicBoolean expired = new AtomicBoolean();
        ScheduledFuture<?> deadline = deadlines.schedule(
                () -> {
                    expired.set(true);
                    httpRequest.cancel();
                },
                request.timeout().toMillis(),
                TimeUnit.MILLISECONDS);
        try (ClassicHttpResponse response = client.executeOpen(target, httpRequest, HttpClientContext.create())) {
            status = response.getCode();
            Header retryAfterHeader = response.getFirstHeader("Retry-After");
            retryAfter = retryAfterHeader == null ? null : parseRetryAfter(retryAfterHeader.getValue());
            HttpEntity entity = response.getEntity();
            if (entity != null) {
                responseBody = readCapped(entity.getContent(), request.responseCap(), httpRequest);
            }
        } catch (DestinationRefusedException e) {
            recordAttempt(attempts, request, started, t0, null, "destination_refused", e.getMessage(), null);
            throw new InvalidRequestException("destination refused: " + e.getMessage());
        } catch (ConnectTimeoutException e) {
            errorKind = "connect_timeout";
            error = "no connection within the connect timeout";
        } catch (SocketTimeoutException e) {
            errorKind = "timeout";
            error = "no response within " + request.timeout().toMillis() + " ms";
        } catch (ConnectException e) {
            errorKind = "connection";
            error = "connection refused or unreachable";
        } catch (InterruptedIOException e) {
            errorKind = expired.get() ? "timeout" : "interrupted";
            error = expired.get() ? "no response within " + request.timeout().toMillis() + " ms" : "the send was cut";
        } catch (IOException e) {
            errorKind = expired.get() ? "timeout" : "io";
            error = expired.get()
                    ? "no response within " + request.timeout().toMillis() + " ms"
                    : e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        } finally {
            deadline.cancel(false);
        }
        recordAttempt(attempts, request, started, t0, status, errorKind, error, responseBody);
        if (status != null && status >= 200 && status < 300) {
            return status;
        }
        if (status == null || status == 408 || status == 429 || status >= 500) {
            String reason = status == null ? errorKind + ": " + error : "HTTP " + status;
            if (retryAfter != null) {
                throw new RetryLaterFailure(reason, retryAfter);
            }
            throw new RetryableSendFailure(reason, null);
        }
        int finalStatus = status;
        LOG.fine(() -> request + " failed for good with HTTP " + finalStatus);
        return finalStatus;
    }

    private static void recordAttempt(
            List<AttemptRecord> attempts,
            SendRequest request,
            Instant started,
            long t0,
            Integer status,
            String errorKind,
            String error,
            String responseBody) {
        Duration latency = Duration.ofNanos(System.nanoTime() - t0);
        attempts.add(new AttemptRecord(
                request.deliveryId(), started, request.url(), status, errorKind, error, latency, responseBody));
    }

    private static HttpUriRequestBase build(URI uri, SendRequest request) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new IllegalArgumentException("the URL is not an http(s) URL with a host");
        }
        long timestamp = Instant.now().getEpochSecond();
        HttpUriRequestBase builder = new HttpUriRequestBase(request.method().name(), uri);
        builder.setConfig(RequestConfig.custom()
                .setConnectionRequestTimeout(Timeout.of(request.timeout()))
                .setResponseTimeout(Timeout.of(request.timeout()))
                .setRedirectsEnabled(false)
                .build());
        if (request.body() != null) {
            builder.setEntity(new ByteArrayEntity(request.body().getBytes(StandardCharsets.UTF_8), null));
        }
        builder.setHeader("webhook-id", request.deliveryId());
        builder.setHeader("webhook-timestamp", Long.toString(timestamp));
        if (request.signingKeys().signs()) {
            builder.setHeader(
                    "webhook-signature",
                    request.signingKeys().signature(request.deliveryId(), timestamp, request.body()));
        }
        boolean contentTypeSet = false;
        for (var header : request.headers().entrySet()) {
            String name = header.getKey().trim();
            if (HeaderRules.isSetBySender(name)) {
                continue; // refused at write time; a row stored otherwise still cannot override ours
            }
            String value = header.getValue() == null ? "" : header.getValue();
            if (!HeaderRules.isValidName(name)) {
                throw new IllegalArgumentException(
                        "'" + name.replaceAll("\\p{Cntrl}", "?") + "' is not a valid header name");
            }
            if (!HeaderRules.isValidValue(value)) {
                throw new IllegalArgumentException(
                        "the value of header '" + name + "' holds a line break or control character");
            }
            contentTypeSet |= name.equalsIgnoreCase("Content-Type");
            builder.addHeader(name, value);
        }
        if (!contentTypeSet && request.contentType() != null) {
            builder.setHeader("Content-Type", request.contentType());
        }
        return builder;
    }

    /**
     * The first {@code cap} bytes as text; the rest is drained (to keep the connection) up to a limit, beyond
     * which the exchange is cut rather than read.
     */
    private static String readCapped(InputStream in, int cap, HttpUriRequestBase exchange) throws IOException {
        byte[] kept = in.readNBytes(cap);
        long drained = 0;
        byte[] sink = new byte[8192];
        int n = 0;
        while (drained < DRAIN_LIMIT && (n = in.read(sink)) > 0) {
            drained += n;
        }
        if (n > 0) {
            exchange.cancel();
        }
        return new String(kept, StandardCharsets.UTF_8);
    }

    /** {@code Retry-After} as seconds or an HTTP date; {@code null} when unreadable. */
    static Duration parseRetryAfter(String value) {
        String trimmed = value.trim();
        if (trimmed.matches("-\\d+")) {
            return Duration.ZERO;
        }
        if (trimmed.matches("\\d+")) {
            return trimmed.length() > 12 ? MAX_RETRY_AFTER : Duration.ofSeconds(Long.parseLong(trimmed));
        }
        try {
            ZonedDateTime at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration wait = Duration.between(Instant.now(), at.toInstant());
            return wait.isNegative() ? Duration.ZERO : wait;
        } catch (RuntimeException notADate) {
            return null;
        }
    }
}
