package org.actiontriggers.settings;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.actiontriggers.secret.SecretCipher;

/**
 * The validated {@code action-triggers.*} settings, named as in Django Action Triggers' settings.
 *
 * <p>Built once at start-up by {@link SettingsParser}; a malformed value stops the deployment with a
 * message that names the key, so a typo never turns into silently lost or unintended deliveries.
 *
 * @param whitelistedContentTypes entity names that may trigger (DAT: {@code whitelisted_content_types})
 * @param whitelistedWebhookEndpointPatterns regexes one of which must match a webhook's WHOLE URL; none
 *     configured means nothing is sent
 * @param allowedDynamicImportPaths {@code fully.qualified.Class.member} paths header values may reference
 * @param maxWebhookTimeout the cap on every webhook's timeout
 * @param retrySchedule delay before each delivery round: the first is the first round, the last round
 *     that fails dead-letters the delivery
 * @param sweepInterval how often due and abandoned deliveries are looked for
 * @param lease how long a claimed delivery belongs to its instance before another may take it over
 * @param maxConcurrentSends how many requests one instance has in flight at most
 * @param configRefreshInterval how often an instance checks whether another changed the configs
 * @param secretCipher encrypts the webhook signing secrets at rest; its {@code toString} hides the key
 * @param limits sizes and counts no config, delivery or response may exceed
 * @param retention how long finished deliveries (succeeded, failed, dead) and their attempts are kept
 * @param retentionCleanupInterval how often deliveries older than the retention are deleted
 * @param allowedPrivateNetworks blocks of loopback, private, link-local or otherwise non-public addresses
 *     that webhooks may nevertheless reach; none by default
 * @param maxRequestBytes the largest request body the admin API reads
 * @param brokers the brokers defined under {@code action-triggers.brokers.<name>}, by name
 * @param maxBrokerTimeout the cap on every broker queue's timeout
 * @param policy the circuit breaker, auto-disable and alerts per destination
 * @param quickRetries the quick in-process retries of a delivery round
 */
public record Settings(
        Set<String> whitelistedContentTypes,
        List<Pattern> whitelistedWebhookEndpointPatterns,
        Set<String> allowedDynamicImportPaths,
        Duration maxWebhookTimeout,
        List<Duration> retrySchedule,
        Duration sweepInterval,
        Duration lease,
        int maxConcurrentSends,
        Duration configRefreshInterval,
        SecretCipher secretCipher,
        Limits limits,
        Duration retention,
        Duration retentionCleanupInterval,
        List<Subnet> allowedPrivateNetworks,
        long maxRequestBytes,
        Map<String, BrokerDefinition> brokers,
        Duration maxBrokerTimeout,
        PolicySettings policy,
        QuickRetries quickRetries) {

    public static final String PREFIX = "action-triggers.";
    public static final String WHITELISTED_CONTENT_TYPES = PREFIX + "whitelisted-content-types";
    public static final String WHITELISTED_WEBHOOK_ENDPOINT_PATTERNS = PREFIX + "whitelisted-webhook-endpoint-patterns";
    public static final String ALLOWED_DYNAMIC_IMPORT_PATHS = PREFIX + "allowed-dynamic-import-paths";
    public static final String MAX_WEBHOOK_TIMEOUT = PREFIX + "max-webhook-timeout";
    public static final String RETRY_SCHEDULE = PREFIX + "retry-schedule";
    public static final String SWEEP_INTERVAL = PREFIX + "dispatch.sweep-interval";
    public static final String LEASE = PREFIX + "dispatch.lease";
    public static final String MAX_CONCURRENT_SENDS = PREFIX + "dispatch.max-concurrent-sends";
    public static final String CONFIG_REFRESH_INTERVAL = PREFIX + "config-refresh-interval";
    public static final String SECRET_ENCRYPTION_KEY = SecretCipher.KEY_SETTING;
    public static final String ALLOWED_PRIVATE_NETWORKS = PREFIX + "allowed-private-networks";
    public static final String MAX_PAYLOAD_SIZE = PREFIX + "limits.max-payload-size";
    public static final String MAX_HEADERS = PREFIX + "limits.max-headers";
    public static final String MAX_HEADER_SIZE = PREFIX + "limits.max-header-size";
    public static final String MAX_RESPONSE_BODY = PREFIX + "limits.max-response-body";
    public static final String MAX_WEBHOOKS_PER_CONFIG = PREFIX + "limits.max-webhooks-per-config";
    public static final String RETENTION = PREFIX + "retention";
    public static final String RETENTION_CLEANUP_INTERVAL = PREFIX + "retention.cleanup-interval";
    public static final String MAX_REQUEST_SIZE = PREFIX + "api.max-request-size";
    public static final String BROKERS = PREFIX + "brokers";
    public static final String MAX_BROKER_TIMEOUT = PREFIX + "max-broker-timeout";

    static final long DEFAULT_MAX_REQUEST_BYTES = 1_048_576;

    public Settings {
        whitelistedContentTypes = Set.copyOf(whitelistedContentTypes);
        whitelistedWebhookEndpointPatterns = List.copyOf(whitelistedWebhookEndpointPatterns);
        allowedDynamicImportPaths = Set.copyOf(allowedDynamicImportPaths);
        retrySchedule = List.copyOf(retrySchedule);
        allowedPrivateNetworks = List.copyOf(allowedPrivateNetworks);
        brokers = Map.copyOf(brokers);
    }

    /** The broker of that name, if one is defined. */
    public Optional<BrokerDefinition> broker(String name) {
        return Optional.ofNullable(name == null ? null : brokers.get(name));
    }

    /** min(timeout_secs, max broker timeout), or the max alone when the queue sets none. */
    public Duration effectiveBrokerTimeout(Double timeoutSecs) {
        Duration own = timeoutSecs == null ? Duration.ZERO : Durations.ofSeconds(timeoutSecs);
        if (own.toMillis() <= 0) {
            return maxBrokerTimeout;
        }
        return own.compareTo(maxBrokerTimeout) < 0 ? own : maxBrokerTimeout;
    }

    /** How many webhooks one config may have ({@link Limits#maxWebhooksPerConfig()}). */
    public int maxWebhooksPerConfig() {
        return limits.maxWebhooksPerConfig();
    }

    public boolean isWhitelistedContentType(String entityName) {
        return whitelistedContentTypes.contains(entityName);
    }

    /** Whether the URL is http(s) and one of the endpoint patterns matches all of it. */
    public boolean isWhitelistedEndpoint(String url) {
        if (url == null || !isHttpUrl(url)) {
            return false;
        }
        return whitelistedWebhookEndpointPatterns.stream()
                .anyMatch(p -> p.matcher(url).matches());
    }

    public boolean isAllowedDynamicImportPath(String path) {
        return allowedDynamicImportPaths.contains(path);
    }

    /**
     * min(timeout_secs, max webhook timeout), or the max alone when the webhook sets none (or a value under a
     * millisecond, which validation refuses when the webhook is saved).
     */
    public Duration effectiveTimeout(Double timeoutSecs) {
        Duration own = timeoutSecs == null ? Duration.ZERO : Durations.ofSeconds(timeoutSecs);
        if (own.toMillis() <= 0) {
            return maxWebhookTimeout;
        }
        return own.compareTo(maxWebhookTimeout) < 0 ? own : maxWebhookTimeout;
    }

    /** The delay before the round after {@code failedRounds} failed ones, or empty when none is left. */
    public Optional<Duration> delayAfterFailedRounds(int failedRounds) {
        return failedRounds < retrySchedule.size() ? Optional.of(retrySchedule.get(failedRounds)) : Optional.empty();
    }

    public static boolean isHttpUrl(String url) {
        try {
            URI uri = URI.create(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
