package org.actiontriggers.dispatch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.actiontriggers.outbox.ClaimStep;
import org.actiontriggers.outbox.ClaimedDelivery;
import org.actiontriggers.outbox.FinishStep;
import org.actiontriggers.outbox.ReleaseStep;

/**
 * The policy hooks as the outbox's transaction steps: every {@link ClaimFilter} and {@link OutcomeObserver}
 * bean the application has, none by default (then the steps do nothing and cost nothing).
 */
@ApplicationScoped
class Hooks {

    @Inject
    Instance<ClaimFilter> claimFilters;

    @Inject
    Instance<OutcomeObserver> outcomeObservers;

    private volatile List<ClaimFilter> filters;
    private volatile List<OutcomeObserver> observers;
    private volatile boolean bypassed;

    /**
     * Whether the dispatcher runs as if the application had no hooks: only the benchmark's A/B of the policy
     * code (case 12) sets it, from a class of this package in the bench WAR; nothing in the library does.
     */
    void bypass(boolean bypass) {
        bypassed = bypass;
    }

    private List<ClaimFilter> filters() {
        if (bypassed) {
            return List.of();
        }
        List<ClaimFilter> f = filters;
        if (f == null) {
            f = claimFilters.stream().toList();
            filters = f;
        }
        return f;
    }

    private List<OutcomeObserver> observers() {
        if (bypassed) {
            return List.of();
        }
        List<OutcomeObserver> o = observers;
        if (o == null) {
            o = outcomeObservers.stream().toList();
            observers = o;
        }
        return o;
    }

    /** The filters' SQL conditions on the candidate row, joined; blank without any. */
    String candidateCondition() {
        return filters().stream()
                .map(ClaimFilter::candidateCondition)
                .filter(c -> c != null && !c.isBlank())
                .map(c -> "(" + c + ")")
                .collect(Collectors.joining(" AND "));
    }

    ClaimStep claimStep(Instant now) {
        List<ClaimFilter> all = filters();
        if (all.isEmpty()) {
            return ClaimStep.ALL;
        }
        return (connection, locked) -> {
            List<ClaimedDelivery> admitted = locked;
            for (ClaimFilter filter : all) {
                admitted = filter.admit(connection, admitted, now);
            }
            return admitted;
        };
    }

    /** The observers' step for a batch; {@code finished} builds the observers' view once the rows are written. */
    FinishStep finishStep(Function<List<Boolean>, List<FinishedDelivery>> finished, Instant now) {
        List<OutcomeObserver> all = observers();
        if (all.isEmpty()) {
            return FinishStep.NONE;
        }
        return (connection, finishes, written) -> {
            List<FinishedDelivery> outcomes = finished.apply(written);
            for (OutcomeObserver observer : all) {
                observer.recorded(connection, outcomes, now);
            }
        };
    }

    ReleaseStep releaseStep(List<ClaimedDelivery> deliveries, Instant now) {
        List<OutcomeObserver> all = observers();
        if (all.isEmpty()) {
            return ReleaseStep.NONE;
        }
        Map<String, ClaimedDelivery> byId =
                deliveries.stream().collect(Collectors.toMap(ClaimedDelivery::id, d -> d, (a, b) -> a));
        return (connection, ids) -> {
            List<ClaimedDelivery> released = new ArrayList<>();
            for (String id : ids) {
                released.add(byId.get(id));
            }
            for (OutcomeObserver observer : all) {
                observer.released(connection, released, now);
            }
        };
    }
}
