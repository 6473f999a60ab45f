package org.actiontriggers.deliver;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Logger;
import org.actiontriggers.record.AttemptRecord;
import org.actiontriggers.record.DeliveryRepository;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * Sends one webhook request with {@link HttpClient} and puts every attempt on record.
 *
 * <p>MicroProfile Fault Tolerance retries quick transient failures in process ({@code @Retry}) and bounds a
 * whole call ({@code @Timeout}, a backstop above the per-request timeout). Both are tunable through MP
 * Config, e.g. {@code org.actiontriggers.deliver.WebhookSender/send/Retry/maxRetries=0}. Longer outages are
 * the durable retry schedule's job, so a delivery survives restarts. There is deliberately no
 * {@code @CircuitBreaker}: its state would be shared by every endpoint, so one broken receiver would stop
 * deliveries to all the healthy ones.
 *
 * <p>Each attempt is signed per the Standard Webhooks spec with its own {@code webhook-timestamp}, the time
 * of the attempt: receivers' libraries reject timestamps more than five minutes off, so a retry hours later
 * must not carry the time of the change. {@code webhook-id} stays the same on every attempt, for
 * deduplication.
 *
 * <p>Redirects are not followed; 408, 429 and 5xx and connection failures are retryable; other statuses
 * outside 2xx fail at once.
 */
@ApplicationScoped
public class WebhookSender {

    private static final Logger LOG = Logger.getLogger(WebhookSender.class.getName());
    private static final int DRAIN_LIMIT = 1 << 20;
    /** Longer than any schedule; the dispatcher caps what it honours anyway. */
    private static final Duration MAX_RETRY_AFTER = Duration.ofDays(365);

    /** Set by the HTTP client, or by us (the Standard Webhooks headers): a webhook's own value is dropped. */
    private static final Set<String> RESTRICTED = Set.of(
            "connection",
            "content-length",
            "expect",
            "host",
            "upgrade",
            "webhook-id",
            "webhook-timestamp",
            "webhook-signature");

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    @Inject
    DeliveryRepository outbox;

    /**
     * Sends the request once, or up to three times when a retry may help.
     *
     * @return the HTTP status: 2xx, or one that retrying cannot fix
     * @throws RetryableSendFailure when the last try failed in a way a later retry may fix
     * @throws InvalidRequestException when the delivery cannot become a valid HTTP request (say, a header name
     *     HTTP does not allow); nothing is sent
     */
    @Retry(
            maxRetries = 2,
            delay = 200,
            jitter = 100,
            retryOn = RetryableSendFailure.class,
            abortOn = {RetryLaterFailure.class, InvalidRequestException.class})
    @Timeout(value = 90, unit = ChronoUnit.SECONDS)
    public int send(SendRequest request) throws RetryableSendFailure {
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        Integer status = null;
        String errorKind = null;
        String error = null;
        String responseBody = null;
        Duration retryAfter = null;
        HttpRequest httpRequest;
        try {
            httpRequest = build(request);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("the request cannot be built: " + e.getMessage());
        }
        try {
            HttpResponse<InputStream> response = client.send(httpRequest, HttpResponse.BodyHandlers.ofInputStream());
            status = response.statusCode();
            responseBody = readCapped(response.body(), request.responseCap());
            retryAfter = response.headers()
                    .firstValue("Retry-After")
                    .map(WebhookSender::parseRetryAfter)
                    .orElse(null);
        } catch (HttpConnectTimeoutException e) {
            errorKind = "connect_timeout";
            error = "no connection within the connect timeout";
        } catch (HttpTimeoutException e) {
            errorKind = "timeout";
            error = "no response within " + request.timeout().toMillis() + " ms";
        } catch (ConnectException e) {
            errorKind = "connection";
            error = "connection refused or unreachable";
        } catch (IOException e) {
            errorKind = "io";
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            errorKind = "interrupted";
            error = "the send was interrupted";
        }
        Duration latency = Duration.ofNanos(System.nanoTime() - t0);
        outbox.recordAttempt(new AttemptRecord(
                request.deliveryId(), started, request.url(), status, errorKind, error, latency, responseBody));
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

    private static HttpRequest build(SendRequest request) {
        HttpRequest.BodyPublisher body = request.body() == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(request.body(), StandardCharsets.UTF_8);
        long timestamp = Instant.now().getEpochSecond();
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(request.url()))
                .timeout(request.timeout())
                .method(request.method().name(), body)
                .header("webhook-id", request.deliveryId())
                .header("webhook-timestamp", Long.toString(timestamp));
        if (request.signingKeys().signs()) {
            builder.header(
                    "webhook-signature",
                    request.signingKeys().signature(request.deliveryId(), timestamp, request.body()));
        }
        boolean contentTypeSet = false;
        for (var header : request.headers().entrySet()) {
            String name = header.getKey().trim();
            if (RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
                continue;
            }
            contentTypeSet |= name.equalsIgnoreCase("Content-Type");
            builder.header(name, header.getValue());
        }
        if (!contentTypeSet && request.contentType() != null) {
            builder.header("Content-Type", request.contentType());
        }
        return builder.build();
    }

    /** The first {@code cap} bytes as text; the rest is drained (to keep the connection) up to a limit. */
    private static String readCapped(InputStream in, int cap) throws IOException {
        try (in) {
            byte[] kept = in.readNBytes(cap);
            long drained = 0;
            byte[] sink = new byte[8192];
            int n;
            while (drained < DRAIN_LIMIT && (n = in.read(sink)) > 0) {
                drained += n;
            }
            return new String(kept, StandardCharsets.UTF_8);
        }
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
