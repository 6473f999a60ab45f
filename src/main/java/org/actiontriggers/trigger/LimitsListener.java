package org.actiontriggers.trigger;

import jakarta.inject.Inject;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import java.util.List;
import org.actiontriggers.settings.Limits;
import org.actiontriggers.settings.TriggerSettings;

/**
 * Refuses to save a {@link Webhook} that breaks a {@link Limits} rule, whatever code path saves it. Callers
 * that want a message instead of a failed transaction ask {@link #problems(Limits, Config)} first.
 */
public class LimitsListener {

    @Inject
    TriggerSettings settings;

    @PrePersist
    @PreUpdate
    void check(Webhook webhook) {
        Limits limits = settings.current().limits();
        List<String> problems = webhook.getConfig() == null
                ? limits.headerProblems(webhook.getHeaders())
                : problems(limits, webhook.getConfig());
        if (!problems.isEmpty()) {
            throw new LimitExceededException(String.join("; ", problems));
        }
    }

    /** What in this config exceeds a limit, one message per problem, naming the setting; empty when none. */
    public static List<String> problems(Limits limits, Config config) {
        return limits.problems(
                config.getWebhooks().stream().map(Webhook::getHeaders).toList());
    }
}
