package org.actiontriggers.settings;

import java.time.Duration;
import org.actiontriggers.secret.SigningSecret;

/**
 * The delivery policy per destination (docs/policy.md): when a destination's circuit breaker opens, how
 * often it is probed while open, when a destination that keeps failing is disabled, and where the operator's
 * alerts go.
 *
 * @param failureThreshold failed rounds in a row after which the breaker opens
 * @param probeInterval the wait before the first probe of an open breaker; it doubles after each failed probe
 * @param maxProbeInterval the longest wait between probes
 * @param disableAfter how long a destination may fail without a success before it is disabled
 * @param alertsUrl the operator webhook that receives the operational events, or {@code null} for none
 * @param alertsSecret the Standard Webhooks secret that signs them ({@code toString} hides it), or {@code null}
 */
public record PolicySettings(
        int failureThreshold,
        Duration probeInterval,
        Duration maxProbeInterval,
        Duration disableAfter,
        String alertsUrl,
        SigningSecret alertsSecret) {

    public static final String FAILURE_THRESHOLD = Settings.PREFIX + "breaker.failure-threshold";
    public static final String PROBE_INTERVAL = Settings.PREFIX + "breaker.probe-interval";
    public static final String MAX_PROBE_INTERVAL = Settings.PREFIX + "breaker.max-probe-interval";
    public static final String DISABLE_AFTER = Settings.PREFIX + "disable-after";
    public static final String ALERTS_URL = Settings.PREFIX + "alerts.url";
    public static final String ALERTS_SIGNING_SECRET = Settings.PREFIX + "alerts.signing-secret";

    /** The defaults: open after 5 failed rounds, probe from 30 s up to every 15 min, disable after 5 days. */
    public static final PolicySettings DEFAULTS =
            new PolicySettings(5, Duration.ofSeconds(30), Duration.ofMinutes(15), Duration.ofDays(5), null, null);

    /** Whether operational events are sent to an operator webhook. */
    public boolean alerts() {
        return alertsUrl != null;
    }
}
