package org.actiontriggers.outbox;

import java.util.List;

/**
 * What one claim transaction took.
 *
 * @param claimed the rows now in flight for the claiming instance, a change's rows next to each other
 * @param moreDue whether due rows were left out (the batch was cut at a change's boundary, or a claim filter
 *     held some back), so that the claimer need not wait for the next sweep to look again
 */
public record ClaimedBatch(List<ClaimedDelivery> claimed, boolean moreDue) {

    public ClaimedBatch {
        claimed = List.copyOf(claimed);
    }
}
