package org.actiontriggers.it;

import static org.actiontriggers.it.TriggerBuilder.trigger;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.inject.Inject;
import jakarta.json.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.actiontriggers.demo.Sale;
import org.actiontriggers.dispatch.DeliveryRetention;
import org.actiontriggers.outbox.Attempt;
import org.actiontriggers.outbox.Delivery;
import org.actiontriggers.outbox.DeliveryRepository;
import org.actiontriggers.outbox.DeliveryState;
import org.actiontriggers.trigger.Signal;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What happens after the first attempt, on a real Payara Micro and database with a real receiver: failures
 * that must not be retried, outages that must drain, dead letters that must be redeliverable with the same
 * identity, ordered delivery per entity, and the retention cleanup. The test settings' schedule is
 * {@code 0s,1s,1s}: three rounds of one try plus two quick in-process retries.
 */
@ExtendWith(ArquillianExtension.class)
class DurableDeliveryIT extends ShopFixture {

    private static final Duration SETTLED = Duration.ofSeconds(90);

    @Deployment
    static WebArchive deployment() {
        return Deployments.application();
    }

    @Inject
    DeliveryRepository outbox;

    @Inject
    DeliveryRetention retention;

    @Inject
    DataSource dataSource;

    @Test
    void a400FailsAtOnceWithoutAnyRetry() {
        receiver.respond(path, 400);
        configs.save(quantityTrigger(receiver.url(path)).build());

        Sale sale = sale(1);

        Delivery failed = awaitOnlyDelivery(sale, DeliveryState.FAILED);
        assertThat(failed.getAttempts()).isEqualTo(1);
        assertThat(failed.getFailedRounds()).isZero();
        assertThat(failed.getLastStatus()).isEqualTo(400);
        assertThat(failed.getLastError()).isEqualTo("HTTP 400");
        assertThat(receiver.at(path)).hasSize(1);
    }

    @Test
    void aReceiverThatWasDownDrainsOnTheNextRoundOfTheSchedule() {
        int webhooks = 5;
        TriggerBuilder trigger = quantityTrigger(receiver.url(path + "/0"));
        for (int i = 1; i < webhooks; i++) {
            trigger.webhook(receiver.url(path + "/" + i));
        }
        for (int i = 0; i < webhooks; i++) {
            // down for the whole first round (one try + two quick retries), up from the second
            receiver.respond(path + "/" + i, 503, 503, 503, 200);
        }
        configs.save(trigger.build());

        Sale sale = sale(1);

        await().atMost(SETTLED)
                .until(() -> deliveriesOf(sale).size() == webhooks
                        && deliveriesOf(sale).stream().allMatch(d -> d.getState() == DeliveryState.SUCCEEDED));
        for (Delivery delivery : deliveriesOf(sale)) {
            assertThat(delivery.getAttempts()).isEqualTo(4);
            assertThat(delivery.getFailedRounds()).isEqualTo(1);
            List<Attempt> log = attemptsOf(delivery);
            assertThat(log).extracting(Attempt::getStatusCode).containsExactly(503, 503, 503, 200);
            Duration backoff = Duration.between(
                    log.get(2).getAttemptedAt().toInstant(),
                    log.get(3).getAttemptedAt().toInstant());
            assertThat(backoff)
                    .as("wait before the second round (schedule 1s, jitter 10%)")
                    .isGreaterThanOrEqualTo(Duration.ofMillis(850));
        }
        for (int i = 0; i < webhooks; i++) {
            assertThat(receiver.at(path + "/" + i)).hasSize(4);
        }
    }

    @Test
    void aDeadLetteredDeliveryIsRedeliveredWithTheSameWebhookIdAndBody() {
        receiver.respond(path, 500);
        configs.save(quantityTrigger(receiver.url(path)).build());
        Sale sale = sale(7);
        Delivery dead = awaitOnlyDelivery(sale, DeliveryState.DEAD);
        TestReceiver.Received first = receiver.at(path).get(0);
        assertThat(outbox.redeliver("no-such-delivery")).isFalse();

        receiver.respond(path, 200);
        assertThat(outbox.redeliver(dead.getId())).isTrue();

        Delivery redelivered = awaitOnlyDelivery(sale, DeliveryState.SUCCEEDED);
        assertThat(redelivered.getId()).isEqualTo(dead.getId());
        List<TestReceiver.Received> all = receiver.at(path);
        TestReceiver.Received last = all.get(all.size() - 1);
        assertThat(last.headers().get("webhook-id")).isEqualTo(dead.getId());
        // webhook-timestamp is the time of each attempt (Standard Webhooks receivers reject stale ones): it
        // moves on, while the id and the body stay what they were
        assertThat(Long.parseLong(last.headers().get("webhook-timestamp")))
                .isGreaterThanOrEqualTo(Long.parseLong(first.headers().get("webhook-timestamp")));
        assertThat(last.body()).isEqualTo(first.body());
        assertThat(all).extracting(r -> r.headers().get("webhook-id")).containsOnly(dead.getId());
        assertThat(outbox.redeliver(dead.getId()))
                .as("a succeeded delivery may be redelivered too")
                .isTrue();
        await().atMost(SETTLED).until(() -> receiver.at(path).size() == all.size() + 1);
    }

    @Test
    void theFailedDeliveriesOfAWebhookSinceAGivenTimeAreRedeliveredAndNoOthers() {
        receiver.respond(path + "/a", 400);
        receiver.respond(path + "/b", 400);
        configs.save(quantityTrigger(receiver.url(path + "/a")).build());
        configs.save(quantityTrigger(receiver.url(path + "/b")).build());
        Sale before = sale(1);
        await().atMost(SETTLED).until(() -> failed(before) == 2);
        Instant since = deliveriesOf(before).get(0).getCreatedAt().toInstant().plusMillis(1);
        Sale after1 = sale(2);
        Sale after2 = sale(3);
        await().atMost(SETTLED).until(() -> failed(after1) == 2 && failed(after2) == 2);
        long webhookA = deliveriesOf(after1).stream()
                .filter(d -> d.getUrl().endsWith("/a"))
                .findFirst()
                .orElseThrow()
                .getWebhookId();
        receiver.respond(path + "/a", 200);

        assertThat(outbox.redeliverFailed(webhookA, since)).isEqualTo(2);

        await().atMost(SETTLED)
                .until(() -> receiver.at(path + "/a").size() == 5
                        && deliveriesOf(after1).stream()
                                .filter(d -> d.getUrl().endsWith("/a"))
                                .allMatch(d -> d.getState() == DeliveryState.SUCCEEDED)
                        && deliveriesOf(after2).stream()
                                .filter(d -> d.getUrl().endsWith("/a"))
                                .allMatch(d -> d.getState() == DeliveryState.SUCCEEDED));
        assertThat(failed(before)).as("older than the given time").isEqualTo(2);
        assertThat(receiver.at(path + "/b")).as("another webhook").hasSize(3);
        List<String> ids = receiver.at(path + "/a").stream()
                .map(r -> r.headers().get("webhook-id"))
                .toList();
        assertThat(ids.subList(3, 5)).containsExactlyInAnyOrderElementsOf(ids.subList(1, 3));
    }

    private long failed(Sale sale) {
        return deliveriesOf(sale).stream()
                .filter(d -> d.getState() == DeliveryState.FAILED)
                .count();
    }

    @Test
    void anOrderedConfigDeliversTheChangesOfOneEntityInCommitOrderEvenAcrossARetry() {
        receiver.respond(path, 503, 503, 503, 200); // the first event's first round fails entirely
        configs.save(quantityTrigger(receiver.url(path)).ordered().build());

        Sale sale = sale(0);
        int updates = 20;
        for (int q = 1; q <= updates; q++) {
            shop.changeQuantity(sale.getId(), q);
        }

        await().atMost(SETTLED)
                .until(() -> deliveriesOf(sale).size() == updates + 1
                        && deliveriesOf(sale).stream().allMatch(d -> d.getState() == DeliveryState.SUCCEEDED));
        List<Integer> arrived = new ArrayList<>();
        for (TestReceiver.Received r : receiver.at(path)) {
            int quantity = Integer.parseInt(r.body());
            if (arrived.isEmpty() || arrived.get(arrived.size() - 1) != quantity) {
                arrived.add(quantity);
            }
        }
        List<Integer> committed = new ArrayList<>();
        for (int q = 0; q <= updates; q++) {
            committed.add(q);
        }
        assertThat(arrived).containsExactlyElementsOf(committed);
    }

    @Test
    void retentionDeletesFinishedDeliveriesWithTheirAttemptsAndKeepsUnfinishedOnes() {
        receiver.respond(path + "/ok", 200);
        receiver.respond(path + "/later", 503, Map.of("Retry-After", "3600"));
        configs.save(quantityTrigger(receiver.url(path + "/ok")).build());
        configs.save(quantityTrigger(receiver.url(path + "/later")).build());
        Sale sale = sale(1);
        await().atMost(SETTLED)
                .until(() -> deliveriesOf(sale).size() == 2
                        && deliveriesOf(sale).stream()
                                .allMatch(d -> d.getState() == DeliveryState.SUCCEEDED
                                        || (d.getState() == DeliveryState.PENDING && d.getAttempts() == 1)));
        String finished = only(DeliveryState.SUCCEEDED, sale).getId();
        String waiting = only(DeliveryState.PENDING, sale).getId();

        assertThat(retention.purge(Instant.now()))
                .as("nothing is 30 days old yet")
                .isZero();
        assertThat(data.attemptRows(finished)).isEqualTo(1);

        int purged = retention.purge(Instant.now().plus(Duration.ofDays(30)).plusSeconds(60));

        assertThat(purged).isGreaterThanOrEqualTo(1);
        assertThat(deliveries.find(finished)).isEmpty();
        assertThat(data.attemptRows(finished)).isZero();
        assertThat(deliveries.find(waiting)).isPresent();
        assertThat(data.attemptRows(waiting)).isEqualTo(1);
    }

    /**
     * Issue #18 item 6: the round's result cannot be put on record for a while (its row is held locked, as a
     * long transaction or a lock queue would); it is recorded within seconds once it can be, long before the
     * lease (60 s here) would bring it back, and since the send had succeeded it is not sent again.
     */
    @Test
    void aResultThatCannotBeRecordedForAWhileIsRecordedSoonAfterWithoutSendingTwice() throws SQLException {
        receiver.delay(path, Duration.ofSeconds(2));
        configs.save(quantityTrigger(receiver.url(path)).build());
        Sale sale = sale(1);
        await().atMost(SETTLED).until(() -> receiver.at(path).size() == 1);
        String id = deliveriesOf(sale).get(0).getId();

        Instant unlocked;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement lock =
                    c.prepareStatement("SELECT state FROM action_triggers_delivery WHERE id = ? FOR UPDATE")) {
                lock.setString(1, id);
                try (ResultSet rs = lock.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).isEqualTo("IN_FLIGHT");
                }
            }
            // the receiver answers after 2 s; every write of the result then waits for this lock and gives up
            await().during(Duration.ofSeconds(6))
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> deliveriesOf(sale).get(0).getState() == DeliveryState.IN_FLIGHT);
            c.commit();
            unlocked = Instant.now();
        }

        await().atMost(Duration.ofSeconds(15))
                .until(() -> deliveriesOf(sale).get(0).getState() == DeliveryState.SUCCEEDED);
        Duration recordedAfter = Duration.between(unlocked, Instant.now());
        Logger.getLogger(DurableDeliveryIT.class.getName())
                .info("stuck-delivery drill: result recorded " + recordedAfter.toMillis()
                        + " ms after the row lock went (lease 60 s)");
        Delivery delivery = deliveriesOf(sale).get(0);
        assertThat(delivery.getAttempts()).isEqualTo(1);
        assertThat(receiver.at(path)).hasSize(1);
        assertThat(receiver.at(path).get(0).headers().get("webhook-id")).isEqualTo(id);
    }

    /** A trigger on saved sales that sends just the quantity. */
    private static TriggerBuilder quantityTrigger(String url) {
        return trigger("Sale", Signal.POST_SAVE)
                .payload(Json.createValue("{{ quantity }}"))
                .webhook(url);
    }

    private Delivery awaitOnlyDelivery(Sale sale, DeliveryState state) {
        await().atMost(SETTLED)
                .until(() -> deliveriesOf(sale).size() == 1
                        && deliveriesOf(sale).get(0).getState() == state);
        return deliveriesOf(sale).get(0);
    }

    private Delivery only(DeliveryState state, Sale sale) {
        List<Delivery> matching =
                deliveriesOf(sale).stream().filter(d -> d.getState() == state).toList();
        assertThat(matching).hasSize(1);
        return matching.get(0);
    }
}
