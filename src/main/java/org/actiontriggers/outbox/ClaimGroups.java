package org.actiontriggers.outbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Cuts a claim at a change's boundary, so the deliveries of one change (same entity, same commit) to
 * several destinations are claimed in one batch and sent side by side, not one round after the other.
 */
final class ClaimGroups {

    /** One due row as the candidate scan sees it, with what makes its change. */
    record Candidate(String id, String entityType, String entityId, Instant changedAt) {

        Object change() {
            return List.of(Objects.toString(entityType), Objects.toString(entityId), Objects.toString(changedAt));
        }
    }

    private ClaimGroups() {}

    /**
     * The ids to claim: whole changes in order of their first row, as many as fit in {@code limit}. A change
     * larger than {@code limit} is cut (its rest follows in the next claim); when the scan was cut at its
     * window ({@code windowFull}), its last change may be incomplete and is left for the next claim unless it
     * is the only one.
     *
     * @param due candidates in due order
     */
    static List<String> take(List<Candidate> due, int limit, boolean windowFull) {
        Map<Object, List<String>> changes = new LinkedHashMap<>();
        for (Candidate c : due) {
            changes.computeIfAbsent(c.change(), k -> new ArrayList<>()).add(c.id());
        }
        List<List<String>> groups = new ArrayList<>(changes.values());
        if (windowFull && groups.size() > 1) {
            // rows of the last change in the window may lie beyond it
            Object last = due.get(due.size() - 1).change();
            groups.remove(changes.get(last));
        }
        List<String> taken = new ArrayList<>();
        for (List<String> group : groups) {
            if (taken.size() + group.size() > limit) {
                if (taken.isEmpty()) {
                    taken.addAll(group.subList(0, limit));
                }
                break;
            }
            taken.addAll(group);
        }
        return taken;
    }

    /** The claimed rows regrouped by change, changes in the order of their first row. */
    static List<ClaimedDelivery> grouped(List<ClaimedDelivery> rows) {
        Map<Object, List<ClaimedDelivery>> changes = new LinkedHashMap<>();
        for (ClaimedDelivery d : rows) {
            changes.computeIfAbsent(
                            new Candidate(d.id(), d.entityType(), d.entityId(), d.createdAt()).change(),
                            k -> new ArrayList<>())
                    .add(d);
        }
        return changes.values().stream().flatMap(List::stream).toList();
    }
}
