package org.actiontriggers.dispatch;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.actiontriggers.outbox.ClaimedDelivery;

/**
 * Policy's say in what is claimed, inside the claim transaction (docs/dispatcher-design.md): keeps deliveries
 * of destinations whose breaker is open or that are disabled out, and takes per-destination rate tokens or
 * in-flight slots for the ones it admits, with a row lock on its own destination row held until the claim
 * commits (milliseconds, never across a send).
 *
 * <p>The dispatcher applies every CDI bean of this type ({@code Instance<ClaimFilter>}, in no defined order,
 * each seeing what the previous admitted); with none, everything due is claimed. Rows not admitted stay as
 * they are (pending, or in flight with an expired lease) and burn no retry round.
 */
public interface ClaimFilter {

    /**
     * A SQL condition on the candidate row, alias {@code c} (a row of {@code action_triggers_delivery}), added
     * to the scan for due rows, so that rows of blocked destinations are not even candidates and cannot crowd
     * out the others in the claim window. Constant text without bind parameters; blank for none. Read on
     * every claim.
     */
    default String candidateCondition() {
        return "";
    }

    /**
     * Chooses which of the locked due rows are claimed now.
     *
     * @param connection the claim transaction's connection; what is done on it commits or rolls back with the
     *     claim
     * @param candidates the due rows this transaction holds locked, the rows of one change next to each other
     * @param now the claim's instant (the same the lease is counted from)
     * @return the rows to claim, a subset of {@code candidates} in their order
     * @throws SQLException to roll the whole claim back (nothing is claimed; the next round tries again)
     */
    List<ClaimedDelivery> admit(Connection connection, List<ClaimedDelivery> candidates, Instant now)
            throws SQLException;
}
