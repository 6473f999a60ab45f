package org.actiontriggers.outbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Work the dispatcher does inside a claim transaction, on its connection, after the candidate rows are locked
 * and before they are marked in flight: its way to let policy decide (the outbox does not know policy).
 */
@FunctionalInterface
public interface ClaimStep {

    /** Claims everything it is offered. */
    ClaimStep ALL = (connection, locked) -> locked;

    /**
     * @param locked the due rows this transaction holds locked, grouped by change
     * @return the rows to claim, a subset of {@code locked}; the others stay as they are
     * @throws SQLException to roll the whole claim back
     */
    List<ClaimedDelivery> admit(Connection connection, List<ClaimedDelivery> locked) throws SQLException;
}
