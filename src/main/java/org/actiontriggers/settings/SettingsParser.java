package org.actiontriggers.settings;

import static org.actiontriggers.settings.Settings.ALLOWED_DYNAMIC_IMPORT_PATHS;
import static org.actiontriggers.settings.Settings.CONFIG_REFRESH_INTERVAL;
import static org.actiontriggers.settings.Settings.LEASE;
import static org.actiontriggers.settings.Settings.MAX_CONCURRENT_SENDS;
import static org.actiontriggers.settings.Settings.MAX_REQUEST_SIZE;
import static org.actiontriggers.settings.Settings.MAX_WEBHOOK_TIMEOUT;
import static org.actiontriggers.settings.Settings.RETENTION;
import static org.actiontriggers.settings.Settings.RETENTION_CLEANUP_INTERVAL;
import static org.actiontriggers.settings.Settings.RETRY_SCHEDULE;
import static org.actiontriggers.settings.Settings.SECRET_ENCRYPTION_KEY;
import static org.actiontriggers.settings.Settings.SWEEP_INTERVAL;
import static org.actiontriggers.settings.Settings.WHITELISTED_CONTENT_TYPES;
import static org.actiontriggers.settings.Settings.WHITELISTED_WEBHOOK_ENDPOINT_PATTERNS;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.actiontriggers.secret.SecretCipher;
import org.actiontriggers.secret.SigningSecret;
import org.actiontriggers.template.References;

/**
 * Turns raw setting values into {@link Settings}, collecting every problem with the key it concerns.
 *
 * <p>Kept free of MicroProfile Config so that the rules are plain unit-testable logic; {@link TriggerSettings}
 * feeds it from MP Config at start-up.
 */
public final class SettingsParser {

    static final String DEFAULT_RETRY_SCHEDULE = "0s,5s,5m,30m,2h,5h,10h,10h";

    private static final Pattern SIZE = Pattern.compile("(\\d{1,15})\\s*(B|KB|MB)?");

    private static final Pattern BROKER_NAME = Pattern.compile("[A-Za-z0-9_-]+");

    private final Function<String, Optional<String>> lookup;
    private final Set<String> knownEntityNames;
    private final Set<String> propertyNames;
    private final BrokerCatalog brokerCatalog;
    private final List<String> errors = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    /**
     * @param lookup raw value of a key, empty when unset
     * @param knownEntityNames the entity names of the application, to check the content-type whitelist
     * @param propertyNames every key the configuration holds, to find the brokers defined under {@value
     *     Settings#BROKERS}
     * @param brokerCatalog the broker types and the keys each takes
     */
    public SettingsParser(
            Function<String, Optional<String>> lookup,
            Set<String> knownEntityNames,
            Set<String> propertyNames,
            BrokerCatalog brokerCatalog) {
        this.lookup = lookup;
        this.knownEntityNames = Set.copyOf(knownEntityNames);
        this.propertyNames = Set.copyOf(propertyNames);
        this.brokerCatalog = brokerCatalog;
    }

    /**
     * Parses all settings.
     *
     * @throws InvalidSettingsException listing every malformed setting by key
     */
    public Settings parse() {
        Set<String> contentTypes = new LinkedHashSet<>(list(WHITELISTED_CONTENT_TYPES));
        for (String name : contentTypes) {
            if (!knownEntityNames.contains(name)) {
                errors.add(WHITELISTED_CONTENT_TYPES + ": '" + name + "' is not an entity of this application; known: "
                        + String.join(", ", knownEntityNames.stream().sorted().toList()));
            }
        }
        if (contentTypes.isEmpty()) {
            warnings.add(WHITELISTED_CONTENT_TYPES + " is empty: no entity can trigger anything");
        }

        List<Pattern> patterns = new ArrayList<>();
        for (String regex : list(WHITELISTED_WEBHOOK_ENDPOINT_PATTERNS)) {
            try {
                patterns.add(Pattern.compile(regex));
            } catch (PatternSyntaxException e) {
                errors.add(WHITELISTED_WEBHOOK_ENDPOINT_PATTERNS + ": '" + regex + "' is not a valid regex: "
                        + e.getDescription());
            }
        }
        if (patterns.isEmpty()) {
            warnings.add(WHITELISTED_WEBHOOK_ENDPOINT_PATTERNS + " is empty: no webhook will be sent");
        }

        Set<String> dynamicPaths = new LinkedHashSet<>();
        for (String path : list(ALLOWED_DYNAMIC_IMPORT_PATHS)) {
            if (References.isMemberPath(path)) {
                dynamicPaths.add(path);
            } else {
                errors.add(ALLOWED_DYNAMIC_IMPORT_PATHS + ": '" + path
                        + "' is not of the form fully.qualified.ClassName.member");
            }
        }

        Duration maxTimeout = positiveDuration(MAX_WEBHOOK_TIMEOUT, "30s");
        List<Duration> schedule = new ArrayList<>();
        for (String step : splitList(lookup.apply(RETRY_SCHEDULE).orElse(DEFAULT_RETRY_SCHEDULE))) {
            try {
                schedule.add(Durations.parse(step));
            } catch (IllegalArgumentException e) {
                errors.add(RETRY_SCHEDULE + ": " + e.getMessage());
            }
        }
        if (schedule.isEmpty()) {
            errors.add(RETRY_SCHEDULE + " must name at least one delay (the first round, usually 0s)");
        }
        Duration sweep = positiveDuration(SWEEP_INTERVAL, "1s");
        Duration lease = positiveDuration(LEASE, "5m");
        Duration maxBrokerTimeout = positiveDuration(Settings.MAX_BROKER_TIMEOUT, "30s");
        Map<String, BrokerDefinition> brokers = brokers();
        QuickRetries quickRetries = quickRetries();
        if (maxTimeout != null && lease != null) {
            leaseOutlasts(lease, maxTimeout, MAX_WEBHOOK_TIMEOUT, "send", quickRetries);
        }
        if (!brokers.isEmpty() && maxBrokerTimeout != null && lease != null) {
            // only with brokers defined: without them the broker timeout (default 30 s) bounds nothing
            leaseOutlasts(lease, maxBrokerTimeout, Settings.MAX_BROKER_TIMEOUT, "publish", quickRetries);
        }
        int maxSends = positiveInt(MAX_CONCURRENT_SENDS, 16);
        Duration refresh = positiveDuration(CONFIG_REFRESH_INTERVAL, "1s");
        SecretCipher cipher = secretCipher();
        List<Subnet> allowedNetworks = new ArrayList<>();
        for (String cidr : list(Settings.ALLOWED_PRIVATE_NETWORKS)) {
            try {
                allowedNetworks.add(Subnet.parse(cidr));
            } catch (IllegalArgumentException e) {
                errors.add(Settings.ALLOWED_PRIVATE_NETWORKS + ": " + e.getMessage());
            }
        }
        Limits limits = new Limits(
                size(Settings.MAX_PAYLOAD_SIZE, Limits.DEFAULTS.maxPayloadBytes(), Integer.MAX_VALUE),
                positiveInt(Settings.MAX_HEADERS, Limits.DEFAULTS.maxHeaders()),
                (int) size(Settings.MAX_HEADER_SIZE, Limits.DEFAULTS.maxHeaderBytes(), 1024 * 1024),
                (int) size(
                        Settings.MAX_RESPONSE_BODY,
                        Limits.DEFAULTS.maxResponseBodyBytes(),
                        Limits.RESPONSE_BODY_COLUMN),
                positiveInt(Settings.MAX_WEBHOOKS_PER_CONFIG, Limits.DEFAULTS.maxWebhooksPerConfig()));
        Duration retention = positiveDuration(RETENTION, "30d");
        Duration cleanup = positiveDuration(RETENTION_CLEANUP_INTERVAL, "1h");
        long maxRequestBytes = size(MAX_REQUEST_SIZE, Settings.DEFAULT_MAX_REQUEST_BYTES, Integer.MAX_VALUE);
        PolicySettings policy = policy();

        if (!errors.isEmpty()) {
            throw new InvalidSettingsException(errors);
        }
        return new Settings(
                contentTypes,
                patterns,
                dynamicPaths,
                maxTimeout,
                schedule,
                sweep,
                lease,
                maxSends,
                refresh,
                cipher,
                limits,
                retention,
                cleanup,
                allowedNetworks,
                maxRequestBytes,
                brokers,
                maxBrokerTimeout,
                policy,
                quickRetries);
    }

    /**
     * The lease must be at least four times the longest attempt, and outlast a whole round with its quick
     * retries, so that a slow round is never claimed again while it still runs; one error, naming the keys.
     */
    private void leaseOutlasts(
            Duration lease, Duration perAttempt, String timeoutKey, String what, QuickRetries quickRetries) {
        Duration round = quickRetries.longestRound(perAttempt);
        if (lease.compareTo(perAttempt.multipliedBy(4)) < 0) {
            errors.add(LEASE + " (" + lease + ") must be at least four times " + timeoutKey + " (" + perAttempt
                    + ") so that a slow " + what + ", with its quick retries, is never taken twice");
        } else if (lease.compareTo(round) <= 0) {
            errors.add(LEASE + " (" + lease + ") must be longer than a " + what + " round with all its quick retries: "
                    + (quickRetries.retries() + 1) + " tries of " + timeoutKey + " (" + perAttempt + ") and "
                    + quickRetries.retries() + " pauses of up to 1.5 × " + QuickRetries.DELAY + " ("
                    + quickRetries.delay() + "), " + round + " in all; lower " + QuickRetries.RETRIES
                    + " or raise the lease");
        }
    }

    /** The quick in-process retries of a round: 0 to {@value QuickRetries#MAX_RETRIES}, each pause up to 5 s. */
    private QuickRetries quickRetries() {
        QuickRetries d = QuickRetries.DEFAULTS;
        String raw = lookup.apply(QuickRetries.RETRIES)
                .orElse(Integer.toString(d.retries()))
                .trim();
        int retries = d.retries();
        try {
            retries = Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            retries = -1;
        }
        if (retries < 0 || retries > QuickRetries.MAX_RETRIES) {
            errors.add(QuickRetries.RETRIES + ": '" + raw + "' is not a whole number from 0 to "
                    + QuickRetries.MAX_RETRIES);
            retries = d.retries();
        }
        Duration delay = positiveDuration(QuickRetries.DELAY, d.delay().toMillis() + "ms");
        if (delay != null && delay.compareTo(QuickRetries.MAX_DELAY) > 0) {
            errors.add(QuickRetries.DELAY + " (" + delay + ") must not be longer than " + QuickRetries.MAX_DELAY
                    + ": a sender thread waits through it");
        }
        return new QuickRetries(retries, delay == null ? d.delay() : delay);
    }

    /** The breaker, auto-disable and alerts; the signing secret is never repeated in a message. */
    private PolicySettings policy() {
        PolicySettings d = PolicySettings.DEFAULTS;
        int threshold = positiveInt(PolicySettings.FAILURE_THRESHOLD, d.failureThreshold());
        Duration probe = positiveDuration(PolicySettings.PROBE_INTERVAL, "30s");
        Duration maxProbe = positiveDuration(PolicySettings.MAX_PROBE_INTERVAL, "15m");
        if (probe != null && maxProbe != null && maxProbe.compareTo(probe) < 0) {
            errors.add(PolicySettings.MAX_PROBE_INTERVAL + " (" + maxProbe + ") must not be shorter than "
                    + PolicySettings.PROBE_INTERVAL + " (" + probe + ")");
        }
        Duration disableAfter = positiveDuration(PolicySettings.DISABLE_AFTER, "5d");
        String url = lookup.apply(PolicySettings.ALERTS_URL)
                .map(String::trim)
                .filter(v -> !v.isEmpty())
                .orElse(null);
        SigningSecret secret = null;
        if (url != null && !Settings.isHttpUrl(url)) {
            errors.add(PolicySettings.ALERTS_URL + ": '" + url + "' is not an http or https URL");
        }
        Optional<String> rawSecret =
                lookup.apply(PolicySettings.ALERTS_SIGNING_SECRET).filter(v -> !v.isBlank());
        if (rawSecret.isPresent()) {
            try {
                secret = SigningSecret.parse(rawSecret.get().trim());
            } catch (IllegalArgumentException e) {
                errors.add(PolicySettings.ALERTS_SIGNING_SECRET + ": " + e.getMessage());
            }
        } else if (url != null) {
            errors.add(PolicySettings.ALERTS_SIGNING_SECRET + " is not set: the alerts to " + PolicySettings.ALERTS_URL
                    + " are signed like every delivery; set it to a whsec_ secret the receiver verifies with");
        }
        return new PolicySettings(threshold, probe, maxProbe, disableAfter, url, secret);
    }

    /**
     * The brokers under {@code action-triggers.brokers.<name>.}: {@code type}, {@code conn.<key>} and {@code
     * params.<key>}. An unknown type, an unknown key or a connection without its required key is an error
     * naming the key; parameters may be completed by each queue, so only unknown ones are refused here.
     */
    private Map<String, BrokerDefinition> brokers() {
        String prefix = Settings.BROKERS + ".";
        Map<String, String> types = new TreeMap<>();
        Map<String, Map<String, String>> conns = new TreeMap<>();
        Map<String, Map<String, String>> params = new TreeMap<>();
        for (String key : new TreeSet<>(propertyNames)) {
            if (!key.startsWith(prefix)) {
                continue;
            }
            String rest = key.substring(prefix.length());
            int dot = rest.indexOf('.');
            String name = dot < 0 ? rest : rest.substring(0, dot);
            String part = dot < 0 ? "" : rest.substring(dot + 1);
            if (!BROKER_NAME.matcher(name).matches()) {
                errors.add(key + ": the broker name '" + name + "' may hold only letters, digits, '_' and '-'");
                continue;
            }
            String value = lookup.apply(key).orElse("").trim();
            if (part.equals("type")) {
                types.put(name, value.toLowerCase(Locale.ROOT));
            } else if (part.startsWith("conn.") && part.length() > 5) {
                conns.computeIfAbsent(name, n -> new LinkedHashMap<>()).put(part.substring(5), value);
            } else if (part.startsWith("params.") && part.length() > 7) {
                params.computeIfAbsent(name, n -> new LinkedHashMap<>()).put(part.substring(7), value);
            } else {
                errors.add(key + " is not a broker setting; expected " + prefix + name + ".type, " + prefix + name
                        + ".conn.<key> or " + prefix + name + ".params.<key>");
            }
        }
        Set<String> names = new TreeSet<>(types.keySet());
        names.addAll(conns.keySet());
        names.addAll(params.keySet());
        String known = String.join(", ", new TreeSet<>(brokerCatalog.types()));
        Map<String, BrokerDefinition> brokers = new LinkedHashMap<>();
        for (String name : names) {
            String base = prefix + name + ".";
            String type = types.get(name);
            if (type == null || type.isEmpty()) {
                errors.add(base + "type is required: one of " + known);
                continue;
            }
            if (!brokerCatalog.types().contains(type.trim().toLowerCase(Locale.ROOT))) {
                errors.add(base + "type: '" + type + "' is not a broker type; known: " + known);
                continue;
            }
            Optional<String> missingClient = brokerCatalog.missingClient(type);
            if (missingClient.isPresent()) {
                errors.add(
                        base + "type: a " + type.trim().toLowerCase(Locale.ROOT) + " broker needs its client library,"
                                + " which is not in the application; add the dependency " + missingClient.get());
                continue;
            }
            Optional<BrokerKeys> keys = brokerCatalog.keys(type);
            if (keys.isEmpty()) {
                errors.add(base + "type: '" + type + "' is not a broker type; known: " + known);
                continue;
            }
            Map<String, String> conn = conns.getOrDefault(name, Map.of());
            Map<String, String> defaults = params.getOrDefault(name, Map.of());
            keys.get().unknownConn(conn).forEach((key, problem) -> errors.add(base + "conn." + key + " " + problem));
            keys.get()
                    .unknownParams(defaults)
                    .forEach((key, problem) -> errors.add(base + "params." + key + " " + problem));
            String missing = keys.get().missingConn(conn);
            if (missing != null) {
                errors.add(base + "conn." + keys.get().connOneOf().get(0) + ": " + missing + " for a " + type
                        + " broker (" + base + "conn."
                        + String.join(" or " + base + "conn.", keys.get().connOneOf())
                        + ")");
            }
            brokers.put(name, new BrokerDefinition(name, type, conn, defaults));
        }
        return brokers;
    }

    /** What is legal but probably not meant, e.g. an empty whitelist; filled by {@link #parse()}. */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    private List<String> list(String key) {
        return lookup.apply(key).map(SettingsParser::splitList).orElse(List.of());
    }

    /** Splits on commas not preceded by a backslash (MP Config's list convention) and trims. */
    static List<String> splitList(String raw) {
        return Arrays.stream(raw.split("(?<!\\\\),"))
                .map(s -> s.replace("\\,", ",").trim())
                .filter(s -> !s.isEmpty())
                .toList();
    }

    /**
     * Required, with no default: a key generated at each start would make the stored secrets unreadable after
     * a restart, and a built-in one would be public. Earlier keys, listed in {@value
     * SecretCipher#PREVIOUS_KEYS_SETTING}, keep reading what they encrypted until a re-encryption run moved it.
     * The messages never repeat a value.
     */
    private SecretCipher secretCipher() {
        Optional<String> raw = lookup.apply(SECRET_ENCRYPTION_KEY).filter(v -> !v.isBlank());
        if (raw.isEmpty()) {
            errors.add(SECRET_ENCRYPTION_KEY + " is not set: it encrypts the webhook signing secrets in the"
                    + " database; set it to the base64 of 32 random bytes (openssl rand -base64 32) and keep it"
                    + " (changing it makes the stored secrets unreadable)");
            return null;
        }
        try {
            SecretCipher.fromBase64(raw.get());
        } catch (IllegalArgumentException e) {
            errors.add(SECRET_ENCRYPTION_KEY + " " + e.getMessage());
            return null;
        }
        try {
            return SecretCipher.fromBase64(raw.get(), list(SecretCipher.PREVIOUS_KEYS_SETTING));
        } catch (IllegalArgumentException e) {
            errors.add(SecretCipher.PREVIOUS_KEYS_SETTING + ": " + e.getMessage());
            return null;
        }
    }

    private long size(String key, long fallback, long max) {
        String raw = lookup.apply(key).orElse(Long.toString(fallback));
        try {
            long value = DataSizes.parse(raw);
            if (value > 0 && value <= max) {
                return value;
            }
            errors.add(key + " must be between 1 byte and " + max + " bytes, is " + value);
        } catch (IllegalArgumentException e) {
            errors.add(key + ": " + e.getMessage());
        }
        return fallback;
    }

    private Duration positiveDuration(String key, String fallback) {
        String raw = lookup.apply(key).orElse(fallback);
        try {
            Duration value = Durations.parse(raw);
            if (value.isZero()) {
                errors.add(key + " must be greater than zero");
                return null;
            }
            return value;
        } catch (IllegalArgumentException e) {
            errors.add(key + ": " + e.getMessage());
            return null;
        }
    }

    private int positiveInt(String key, int fallback) {
        String raw = lookup.apply(key).orElse(Integer.toString(fallback)).trim();
        try {
            int value = Integer.parseInt(raw);
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        errors.add(key + ": '" + raw + "' is not a positive whole number");
        return fallback;
    }
}
