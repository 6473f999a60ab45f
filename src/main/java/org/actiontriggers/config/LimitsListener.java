package org.actiontriggers.config;

import jakarta.inject.Inject;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import java.util.List;

/**
 * Refuses to save a {@link Webhook} that breaks a {@link Limits} rule, whatever code path saves it. Callers
 * that want a message instead of a failed transaction ask {@link Limits#problems(Config)} first.
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
                : limits.problems(webhook.getConfig());
        if (!problems.isEmpty()) {
            throw new LimitExceededException(String.join("; ", problems));
        }
    }
}
