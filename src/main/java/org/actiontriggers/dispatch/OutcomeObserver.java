package org.actiontriggers.dispatch;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.actiontriggers.outbox.ClaimedDelivery;

/**
 * Policy's view of how rounds ended, inside the finish transaction (docs/dispatcher-design.md): updates
 * destination health, opens or closes breakers, disables destinations, returns in-flight slots, and inserts
 * alert rows into the outbox — atomically with the outcomes, so an alert is never lost nor sent for a
 * decision that was rolled back.
 *
 * <p>The dispatcher calls every CDI bean of this type ({@code Instance<OutcomeObserver>}, in no defined order);
 * with none, nothing more happens. A batch is all or nothing: if an observer throws, the batch's attempts
 * and states roll back with it and the outcome writer retries the batch, so an observer may see the same
 * outcome again in a later transaction and must be written so that only the committed call counts (do its
 * work on {@code connection}, not elsewhere).
 */
public interface OutcomeObserver {

    /**
     * Called once per finish batch after its attempts and new states are written, before commit.
     *
     * @param connection the finish transaction's connection
     * @param outcomes the batch's finished rounds, in no particular order
     * @param now the instant the batch is written at (completion time of final states)
     * @throws SQLException to roll the whole batch back
     */
    void recorded(Connection connection, List<FinishedDelivery> outcomes, Instant now) throws SQLException;

    /**
     * Called when claimed rows are given back without an outcome on record (it could not be written; they
     * are due again soon and will be sent again with the same id), inside the release transaction. Slots
     * taken at claim time for them are to be returned here; the default does nothing.
     *
     * @param connection the release transaction's connection
     */
    default void released(Connection connection, List<ClaimedDelivery> released, Instant now) throws SQLException {}
}
