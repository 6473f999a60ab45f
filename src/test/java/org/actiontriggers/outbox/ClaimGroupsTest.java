package org.actiontriggers.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.actiontriggers.outbox.ClaimGroups.Candidate;
import org.junit.jupiter.api.Test;

class ClaimGroupsTest {

    private static final Instant T1 = Instant.parse("2025-01-01T12:00:00Z");
    private static final Instant T2 = T1.plusMillis(1);

    private static List<Candidate> change(String prefix, String entityId, Instant at, int rows) {
        List<Candidate> change = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            change.add(new Candidate(prefix + i, "Sale", entityId, at));
        }
        return change;
    }

    private static List<Candidate> concat(List<Candidate>... parts) {
        List<Candidate> all = new ArrayList<>();
        for (List<Candidate> part : parts) {
            all.addAll(part);
        }
        return all;
    }

    @Test
    void wholeChangesAreTakenWhileTheyFit() {
        List<Candidate> due = concat(change("a", "1", T1, 3), change("b", "2", T1, 3), change("c", "1", T2, 3));

        assertThat(ClaimGroups.take(due, 7, false)).containsExactly("a0", "a1", "a2", "b0", "b1", "b2");
    }

    @Test
    void aChangeLargerThanTheLimitIsCutRatherThanStarved() {
        List<Candidate> due = change("a", "1", T1, 10);

        assertThat(ClaimGroups.take(due, 4, false)).containsExactly("a0", "a1", "a2", "a3");
    }

    @Test
    void theLastChangeOfAFullWindowMayBeIncompleteAndWaits() {
        List<Candidate> due = concat(change("a", "1", T1, 2), change("b", "2", T1, 2));

        assertThat(ClaimGroups.take(due, 10, true)).containsExactly("a0", "a1");
        assertThat(ClaimGroups.take(due, 10, false)).containsExactly("a0", "a1", "b0", "b1");
    }

    @Test
    void aFullWindowOfOneChangeIsStillTaken() {
        assertThat(ClaimGroups.take(change("a", "1", T1, 4), 2, true)).containsExactly("a0", "a1");
    }

    @Test
    void rowsOfOneChangeInterleavedWithOthersAreBroughtTogether() {
        List<Candidate> due = List.of(
                new Candidate("a0", "Sale", "1", T1),
                new Candidate("b0", "Sale", "2", T1),
                new Candidate("a1", "Sale", "1", T1),
                new Candidate("b1", "Sale", "2", T1));

        assertThat(ClaimGroups.take(due, 10, false)).containsExactly("a0", "a1", "b0", "b1");
    }

    @Test
    void theSameEntityChangedInAnotherCommitIsAnotherChange() {
        List<Candidate> due = concat(change("a", "1", T1, 2), change("b", "1", T2, 2));

        assertThat(ClaimGroups.take(due, 3, false)).containsExactly("a0", "a1");
    }

    @Test
    void noCandidatesNothingToTake() {
        assertThat(ClaimGroups.take(List.of(), 5, false)).isEmpty();
    }
}
