package org.actiontriggers.monitoring;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Map;
import org.actiontriggers.access.SignInThrottle;
import org.actiontriggers.boot.ActionTriggersStarted;

/**
 * Publishes what the built-in sign-in's throttle saw, so a password-guessing run shows on a dashboard:
 * {@code action_triggers_sign_in_failures{via=api|console}} (failed sign-ins since start),
 * {@code action_triggers_sign_in_refusals{via=…}} (attempts refused unchecked while locked) and
 * {@code action_triggers_sign_in_locks} (locks in force now). Counted in memory, per instance, unlike the
 * outbox figures: a sign-in leaves no row.
 */
@ApplicationScoped
public class SignInMetrics {

    static final String FAILURES = "action_triggers_sign_in_failures";
    static final String REFUSALS = "action_triggers_sign_in_refusals";
    static final String LOCKS = "action_triggers_sign_in_locks";

    @Inject
    Instance<GaugeExport> exports;

    @Inject
    SignInThrottle throttle;

    void register(@Observes ActionTriggersStarted started) {
        exports.forEach(this::register);
    }

    private void register(GaugeExport export) {
        SignInThrottle.Figures figures = throttle.figures();
        for (SignInThrottle.Via via : SignInThrottle.Via.values()) {
            Map<String, String> tags = Map.of("via", via.name().toLowerCase(Locale.ROOT));
            export.gauge(
                    FAILURES, "Failed sign-ins since start (this instance)", null, tags, () -> figures.failures(via));
            export.gauge(
                    REFUSALS,
                    "Sign-ins refused unchecked while locked, since start (this instance)",
                    null,
                    tags,
                    () -> figures.refused(via));
        }
        export.gauge(LOCKS, "Sign-in locks in force now (this instance)", null, Map.of(), figures::lockedNow);
    }
}
