package org.actiontriggers.outbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Work the dispatcher does inside a finish transaction, on its connection, after the attempts and new states
 * are written: its way to let policy observe outcomes atomically with them.
 */
@FunctionalInterface
public interface FinishStep {

    /** Does nothing. */
    FinishStep NONE = (connection, finishes, written) -> {};

    /**
     * @param written for each finish, whether its new state was written ({@code false}: the lease was lost and
     *     another instance owns the row now; its attempts are on record all the same)
     * @throws SQLException to roll the whole batch back
     */
    void written(Connection connection, List<Finish> finishes, List<Boolean> written) throws SQLException;
}
