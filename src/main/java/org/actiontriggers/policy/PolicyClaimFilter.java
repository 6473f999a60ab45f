package org.actiontriggers.policy;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.actiontriggers.dispatch.ClaimFilter;
import org.actiontriggers.dispatch.DeliveryDispatcher;
import org.actiontriggers.outbox.ClaimedDelivery;
import org.actiontriggers.outbox.DeliveryRepository;
import org.actiontriggers.settings.TriggerSettings;

/**
 * The policy's say in the claim transaction. The scan for due rows leaves out destinations that are disabled,
 * whose breaker is open with no probe due, or that are throttled; of the locked rows it admits, per
 * destination: for an open breaker whose probe is due, the oldest one as the probe; for a webhook with a rate
 * limit or in-flight cap, as many as it has tokens and slots, taken under the destination row's lock so that
 * all instances on one database share them. What is not admitted waits as it is and burns no retry round;
 * the dispatcher is woken when the next token is due.
 */
@ApplicationScoped
public class PolicyClaimFilter implements ClaimFilter {

    /** How long a destination at its in-flight cap is left out of the scans before it is looked at again. */
    static final Duration SLOT_RECHECK = Duration.ofMillis(50);

    /** Blocked destinations' rows are no candidates; the table holds only destinations that failed or are limited. */
    private static final String BLOCKED = " AND (p.breaker = 'DISABLED'"
            + " OR (p.breaker = 'OPEN' AND p.next_probe_at > CURRENT_TIMESTAMP)"
            + " OR p.throttled_until > CURRENT_TIMESTAMP))";

    private static final String CONDITION = "NOT EXISTS (SELECT 1 FROM " + DestinationStates.TABLE
            + " p WHERE p.webhook_id = c.webhook_id" + BLOCKED + " AND NOT EXISTS (SELECT 1 FROM "
            + DestinationStates.TABLE + " p WHERE p.broker_name = c.broker_name" + BLOCKED;

    @Inject
    DestinationStates states;

    @Inject
    WebhookLimitsCache limits;

    @Inject
    DeliveryRepository outbox;

    @Inject
    TriggerSettings settings;

    @Inject
    DeliveryDispatcher dispatcher;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private final Set<DestinationKey> ensured = java.util.concurrent.ConcurrentHashMap.newKeySet();

    @Override
    public String candidateCondition() {
        return CONDITION;
    }

    @Override
    public List<ClaimedDelivery> admit(Connection c, List<ClaimedDelivery> candidates, Instant now)
            throws SQLException {
        if (candidates.isEmpty()) {
            return candidates;
        }
        Map<Long, DestinationStates.WebhookLimits> limited = limits.current();
        Map<DestinationKey, DestinationRow> unhealthy = states.unhealthy(c);
        // sorted, so that instances lock destination rows in one order
        Map<DestinationKey, List<ClaimedDelivery>> watched =
                new TreeMap<>((a, b) -> a.toString().compareTo(b.toString()));
        for (ClaimedDelivery d : candidates) {
            DestinationKey key = PolicyKeys.of(d.destination());
            if (key == null) {
                continue;
            }
            DestinationRow row = unhealthy.get(key);
            boolean blocked = row != null && row.breaker != Breaker.CLOSED;
            boolean capped = key.isWebhook() && limited.containsKey(key.webhookId());
            if (blocked || capped) {
                watched.computeIfAbsent(key, k -> new ArrayList<>()).add(d);
            }
        }
        if (watched.isEmpty()) {
            return candidates;
        }
        Set<String> refused = new HashSet<>();
        for (Map.Entry<DestinationKey, List<ClaimedDelivery>> entry : watched.entrySet()) {
            DestinationKey key = entry.getKey();
            List<ClaimedDelivery> rows = entry.getValue();
            if (!ensured.contains(key)) {
                states.ensure(key);
                ensured.add(key);
            }
            DestinationRow row = states.row(c, key, true).orElseThrow();
            int admitted = admitted(c, row, rows, limited.get(key.webhookId()), now);
            for (int i = admitted; i < rows.size(); i++) {
                refused.add(rows.get(i).id());
            }
        }
        if (refused.isEmpty()) {
            return candidates;
        }
        return candidates.stream().filter(d -> !refused.contains(d.id())).toList();
    }

    /** How many of the destination's rows (its oldest first) go now; writes the row back when it changed. */
    private int admitted(
            Connection c,
            DestinationRow row,
            List<ClaimedDelivery> rows,
            DestinationStates.WebhookLimits webhook,
            Instant now)
            throws SQLException {
        BreakerMachine machine = new BreakerMachine(settings.current().policy());
        if (row.breaker == Breaker.DISABLED) {
            return 0;
        }
        if (row.breaker == Breaker.OPEN) {
            if (!machine.takeProbe(
                    row, now, rows.get(0).id(), settings.current().lease())) {
                return 0;
            }
            states.update(c, row, now);
            return 1;
        }
        if (webhook == null) {
            return rows.size();
        }
        int admitted = rows.size();
        Instant throttle = null;
        if (webhook.maxInFlight() != null) {
            int inFlight = outbox.inFlight(c, row.key.webhookId(), now);
            int free = Math.max(0, webhook.maxInFlight() - inFlight);
            if (free < admitted) {
                admitted = free;
                throttle = now.plus(SLOT_RECHECK);
            }
            row.inFlight = inFlight + admitted;
        }
        if (webhook.rateLimit() != null) {
            TokenBucket bucket = new TokenBucket(webhook.rateLimit());
            double tokens = bucket.tokens(row.rateTokens, row.tokensAt, now);
            int whole = (int) Math.floor(tokens);
            if (whole < admitted) {
                admitted = whole;
            }
            tokens -= admitted;
            row.rateTokens = tokens;
            row.tokensAt = now;
            if (admitted < rows.size()) {
                Instant next = now.plus(bucket.untilNext(tokens));
                throttle = throttle == null || next.isAfter(throttle) ? next : throttle;
            }
        }
        states.update(c, row, now);
        if (throttle != null) {
            states.throttle(c, row.key, throttle);
            long delay = Math.max(1, Duration.between(Instant.now(), throttle).toMillis());
            scheduler.schedule(dispatcher::wake, delay, TimeUnit.MILLISECONDS);
        }
        return admitted;
    }
}
