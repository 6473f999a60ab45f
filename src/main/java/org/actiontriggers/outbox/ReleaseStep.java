package org.actiontriggers.outbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** Work the dispatcher does inside a release transaction, on its connection, after the rows are released. */
@FunctionalInterface
public interface ReleaseStep {

    /** Does nothing. */
    ReleaseStep NONE = (connection, ids) -> {};

    /** @throws SQLException to roll the release back */
    void released(Connection connection, List<String> ids) throws SQLException;
}
