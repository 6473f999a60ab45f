package org.actiontriggers.dispatch;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.actiontriggers.deliver.DeliveryOutcome;
import org.actiontriggers.outbox.AttemptRecord;
import org.actiontriggers.outbox.ClaimedDelivery;
import org.actiontriggers.outbox.DeliveryState;
import org.actiontriggers.outbox.Finish;
import org.actiontriggers.settings.Settings;

/** What a round's outcome means for its delivery: done, failed for good, another round, or the dead letter. */
final class RoundEnd {

    private static final Logger LOG = Logger.getLogger(RoundEnd.class.getName());

    private RoundEnd() {}

    /** The delivery's new state after this round; {@code written} is filled in once it is on record. */
    static FinishedDelivery of(
            ClaimedDelivery delivery,
            DeliveryOutcome outcome,
            List<AttemptRecord> attempts,
            Settings settings,
            Instant now) {
        return switch (outcome.kind()) {
            case SUCCEEDED ->
                new FinishedDelivery(
                        delivery, outcome, DeliveryState.SUCCEEDED, null, delivery.failedRounds(), attempts, true);
            case FAILED ->
                new FinishedDelivery(
                        delivery, outcome, DeliveryState.FAILED, null, delivery.failedRounds(), attempts, true);
            case RETRYABLE -> {
                int failedRounds = delivery.failedRounds() + 1;
                Optional<Instant> next = RetryPlan.nextRound(settings, failedRounds, outcome.retryAfter(), now);
                if (next.isPresent()) {
                    yield new FinishedDelivery(
                            delivery, outcome, DeliveryState.PENDING, next.get(), failedRounds, attempts, true);
                }
                LOG.warning(() -> "Delivery " + delivery.id() + " dead-lettered after " + failedRounds
                        + " failed rounds: " + outcome.reason());
                yield new FinishedDelivery(delivery, outcome, DeliveryState.DEAD, null, failedRounds, attempts, true);
            }
        };
    }

    /** The row write of a finished round. */
    static Finish write(FinishedDelivery f) {
        return new Finish(
                f.delivery().id(),
                f.state(),
                f.dueAt(),
                f.failedRounds(),
                f.outcome().reason(),
                f.attempts());
    }

    /** The same round with whether its state was written. */
    static FinishedDelivery written(FinishedDelivery f, boolean written) {
        return written == f.written()
                ? f
                : new FinishedDelivery(
                        f.delivery(), f.outcome(), f.state(), f.dueAt(), f.failedRounds(), f.attempts(), written);
    }
}
