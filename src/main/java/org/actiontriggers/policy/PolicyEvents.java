package org.actiontriggers.policy;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.time.Instant;

/**
 * The operational events of the policy (breaker opened and closed, destination disabled and re-enabled,
 * thresholds of the disable period reached, delivery dead-lettered): recorded in the caller's transaction, so
 * that an alert is never lost nor raised for a decision that rolled back.
 */
@ApplicationScoped
public class PolicyEvents {

    /** A destination was disabled. */
    void disabled(Connection c, DestinationKey key, String reason, String by, Instant at) {
        // recorded as an alert delivery once the operator webhook is wired (issue #16, item 3)
    }

    /** A disabled destination or open breaker was re-enabled by an admin. */
    void reEnabled(Connection c, DestinationKey key, Breaker was, String by, Instant at) {
        // recorded as an alert delivery once the operator webhook is wired (issue #16, item 3)
    }
}
