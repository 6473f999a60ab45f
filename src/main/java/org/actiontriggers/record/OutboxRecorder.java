package org.actiontriggers.record;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import org.actiontriggers.capture.EntityChange;
import org.actiontriggers.outbox.DeliveryIds;
import org.actiontriggers.outbox.DeliveryRepository;
import org.actiontriggers.outbox.PendingDelivery;
import org.actiontriggers.settings.TriggerSettings;
import org.actiontriggers.trigger.ActiveTriggers;
import org.actiontriggers.trigger.TriggerTarget;

/**
 * Turns a captured change into one pending delivery per matching destination (webhook or broker queue), in
 * the transaction that made the change (a transactional outbox): the rows commit with the change or vanish
 * with its rollback.
 *
 * <p>When the transaction commits it raises {@link OutboxCommitted} so that the deliveries leave at once; the
 * saving thread itself never waits on the network. A template that cannot be rendered does not fail the
 * application's transaction: its delivery is recorded with the reason and ends as FAILED, visible and
 * redeliverable once the template is fixed; so does a payload larger than the configured limit (its body is
 * not stored), and a change whose config's condition could not be evaluated. A failure to write the outbox
 * row does fail the transaction — the change would otherwise commit without its event.
 *
 * <p>A destination whose config has a condition gets a delivery only when the condition holds for the change;
 * the condition was parsed when the configs were loaded, so this only looks values up and compares them. The
 * snapshot's maps are built once per change, and only when some matching config has a condition.
 */
@ApplicationScoped
public class OutboxRecorder {

    private static final Logger LOG = Logger.getLogger(OutboxRecorder.class.getName());
    private static final Object TX_KEY = OutboxRecorder.class.getName() + ".recorded";

    @Inject
    ActiveTriggers activeTriggers;

    @Inject
    PayloadRenderer renderer;

    @Inject
    DeliveryRepository outbox;

    @Inject
    Event<OutboxCommitted> committed;

    @Inject
    TriggerSettings settings;

    @Resource
    TransactionSynchronizationRegistry transactions;

    void record(@Observes EntityChange change) {
        List<TriggerTarget> targets = activeTriggers.matching(change.entityType(), change.signal());
        int recorded = 0;
        ConditionInput input = null;
        for (TriggerTarget target : targets) {
            if (target.condition() != null) {
                if (input == null) {
                    input = ConditionInput.of(change);
                }
                String failure = null;
                try {
                    if (!target.condition().holds(input.current(), input.previous(), input.changedFields())) {
                        continue;
                    }
                } catch (RuntimeException e) {
                    failure = "condition of config " + target.configId() + " could not be evaluated: " + e;
                    LOG.warning(failure);
                }
                if (failure != null) {
                    // like a template that fails to render: on record, FAILED, never the application's rollback
                    outbox.insert(pendingDelivery(target, change, null, failure));
                    recorded++;
                    continue;
                }
            }
            outbox.insert(pendingDelivery(target, change));
            recorded++;
        }
        if (recorded > 0) {
            wakeDispatcherAfterCommit(recorded);
        }
    }

    /** What a condition reads of a change: the current and previous state as template models, and what changed. */
    record ConditionInput(Map<String, Object> current, Map<String, Object> previous, List<String> changedFields) {

        static ConditionInput of(EntityChange change) {
            return new ConditionInput(
                    change.snapshot().asTemplateModel(),
                    change.previous() == null ? null : change.previous().asTemplateModel(),
                    change.changedFields());
        }
    }

    private PendingDelivery pendingDelivery(TriggerTarget target, EntityChange change) {
        RenderedPayload payload = null;
        String error = null;
        try {
            payload = renderer.render(target.payloadTemplate(), change);
            String tooLarge = settings.current().limits().payloadProblem(payload.body());
            if (tooLarge != null) {
                payload = null;
                error = "payload of config " + target.configId() + " not stored: " + tooLarge;
                LOG.warning(error);
            }
        } catch (PayloadRenderingException e) {
            error = "payload template of config " + target.configId() + " failed to render: " + e.getMessage();
            LOG.warning(error);
        }
        return pendingDelivery(target, change, payload, error);
    }

    /** The outbox row of one destination; without a payload and with an error, one that ends FAILED at once. */
    private static PendingDelivery pendingDelivery(
            TriggerTarget target, EntityChange change, RenderedPayload payload, String error) {
        return new PendingDelivery(
                DeliveryIds.next(),
                target.configId(),
                change.entityType(),
                change.entityId() == null ? null : change.entityId().toString(),
                change.signal().value(),
                change.operation().name().toLowerCase(Locale.ROOT),
                target.destination(),
                payload == null ? null : payload.body(),
                payload == null ? null : payload.contentType(),
                change.occurredAt(),
                error,
                target.ordered());
    }

    /** Once per transaction: after a successful commit, tell the dispatcher how many rows await it. */
    private void wakeDispatcherAfterCommit(int recorded) {
        if (transactions.getTransactionKey() == null) {
            committed.fire(new OutboxCommitted(recorded));
            return;
        }
        AtomicInteger count = (AtomicInteger) transactions.getResource(TX_KEY);
        if (count != null) {
            count.addAndGet(recorded);
            return;
        }
        AtomicInteger total = new AtomicInteger(recorded);
        transactions.putResource(TX_KEY, total);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    committed.fire(new OutboxCommitted(total.get()));
                }
            }
        });
    }
}
