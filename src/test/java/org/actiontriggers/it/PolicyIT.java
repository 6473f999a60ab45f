package org.actiontriggers.it;

import static org.actiontriggers.it.TriggerBuilder.trigger;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.actiontriggers.demo.Sale;
import org.actiontriggers.outbox.Delivery;
import org.actiontriggers.outbox.DeliveryState;
import org.actiontriggers.policy.Breaker;
import org.actiontriggers.policy.DestinationKey;
import org.actiontriggers.policy.DestinationPolicy;
import org.actiontriggers.policy.DestinationState;
import org.actiontriggers.trigger.Config;
import org.actiontriggers.trigger.Signal;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The delivery policy per destination on a real server, database and receivers (docs/policy.md): the circuit
 * breaker, the auto-disable with its alerts, and {@code 410 Gone}. The breaker opens after 3 failed rounds,
 * probes from every second up to every two, and a destination failing for 20 s is disabled; the operator
 * webhook is a second receiver whose port is chosen before the server starts, and which verifies every alert
 * with the Standard Webhooks library and the alert secret.
 */
@ExtendWith(ArquillianExtension.class)
class PolicyIT extends ShopFixture {

    static final String ALERT_SECRET = "whsec_SzXzLXkwcO4nOLH+PFjDUhoH+Bq9Bq8oaSdFj0TfdZY=";
    static final String ALERTS = "/hooks/alerts";
    private static final Duration DISABLE_AFTER = Duration.ofSeconds(20);

    @Deployment
    static WebArchive deployment() {
        return Deployments.application(String.join(
                "\n",
                "action-triggers.breaker.failure-threshold=3",
                "action-triggers.breaker.probe-interval=1s",
                "action-triggers.breaker.max-probe-interval=2s",
                "action-triggers.disable-after=" + DISABLE_AFTER.toSeconds() + "s",
                // long enough that no delivery is dead-lettered while its destination is watched
                "action-triggers.retry-schedule=0s,1s,1s,1s,1s,1s,1s,1s,1s,1s",
                "action-triggers.alerts.url=http://127.0.0.1:" + freePort() + ALERTS,
                "action-triggers.alerts.signing-secret=" + ALERT_SECRET));
    }

    @Inject
    DestinationPolicy policy;

    TestReceiver operator;

    @BeforeEach
    void operatorWebhook() {
        int port = URI.create(ConfigProvider.getConfig().getValue("action-triggers.alerts.url", String.class))
                .getPort();
        operator = TestReceiver.onPort(port);
        operator.requireSignatures(ALERTS, ALERT_SECRET);
    }

    @Test
    void aDownReceiverOpensTheBreakerOnlyProbesReachItAndEveryWaitingDeliveryArrivesInOrder() {
        receiver.respond(path, 503);
        DestinationKey key = webhookOf(
                configs.save(quantityTrigger(receiver.url(path)).ordered().build()));
        Sale ordered = sale(0);
        for (int q = 1; q <= 4; q++) {
            shop.changeQuantity(ordered.getId(), q);
        }
        List<Sale> others = new ArrayList<>();
        for (int q = 100; q < 104; q++) {
            others.add(sale(q));
        }

        await().atMost(DELIVERED).until(() -> state(key).breaker() == Breaker.OPEN);
        Instant openedAt = state(key).openedAt();
        // rounds in flight as it opened may still end; after that only probes may reach the receiver
        Instant watchFrom = openedAt.plusMillis(500);
        await().atMost(DELIVERED).until(() -> roundsSince(watchFrom).size() >= 3);
        receiver.respond(path, 200);
        Instant recovered = Instant.now();

        await().atMost(DELIVERED).until(() -> everyDelivery(ordered, others, DeliveryState.SUCCEEDED));
        List<List<TestReceiver.Received>> probes = roundsSince(watchFrom).stream()
                .filter(round -> round.get(0).at().isBefore(recovered))
                .toList();
        assertThat(probes).as("probe rounds while open").hasSizeBetween(3, 6);
        for (List<TestReceiver.Received> probe : probes) {
            assertThat(probe)
                    .as("one probe at a time: one delivery, its try and two quick retries at most")
                    .hasSizeLessThanOrEqualTo(3)
                    .extracting(r -> r.headers().get("webhook-id"))
                    .containsOnly(probe.get(0).headers().get("webhook-id"));
        }
        for (int i = 1; i < probes.size(); i++) {
            assertThat(Duration.between(
                            probes.get(i - 1).get(0).at(), probes.get(i).get(0).at()))
                    .as("the probe interval (1 s, doubling to 2 s)")
                    .isGreaterThanOrEqualTo(Duration.ofMillis(900));
        }
        assertThat(state(key).breaker()).isEqualTo(Breaker.CLOSED);

        List<TestReceiver.Received> afterRecovery = receiver.at(path).stream()
                .filter(r -> !r.at().isBefore(recovered))
                .toList();
        Set<String> allIds = new java.util.HashSet<>();
        deliveriesOf(ordered).forEach(d -> allIds.add(d.getId()));
        others.forEach(s -> deliveriesOf(s).forEach(d -> allIds.add(d.getId())));
        assertThat(allIds).hasSize(9);
        assertThat(afterRecovery.stream()
                        .map(r -> r.headers().get("webhook-id"))
                        .collect(Collectors.toSet()))
                .as("every waiting delivery arrived once the receiver was back (it answered 503 before)")
                .containsAll(allIds);
        List<Integer> orderedArrivals = new ArrayList<>();
        for (TestReceiver.Received r : afterRecovery) {
            int quantity = Integer.parseInt(r.body());
            if (quantity < 100
                    && (orderedArrivals.isEmpty() || orderedArrivals.get(orderedArrivals.size() - 1) != quantity)) {
                orderedArrivals.add(quantity);
            }
        }
        assertThat(orderedArrivals)
                .as("the ordered entity's events, in commit order")
                .isSorted();
        assertThat(orderedArrivals).endsWith(4);

        await().atMost(DELIVERED).until(() -> alertTypes(key).contains("breaker.closed"));
        assertThat(alertTypes(key)).containsSubsequence("breaker.opened", "breaker.closed");
        assertThat(operator.at(ALERTS))
                .allSatisfy(r -> assertThat(r.rejection()).isNull());
    }

    @Test
    void aDestinationFailingForTheDisablePeriodIsDisabledWithAlertsAndReEnablingDeliversWhatWasKept() {
        receiver.respond(path, 503);
        DestinationKey key =
                webhookOf(configs.save(quantityTrigger(receiver.url(path)).build()));
        Sale first = sale(1);
        Sale second = sale(2);

        await().atMost(DISABLE_AFTER.multipliedBy(3)).until(() -> state(key).breaker() == Breaker.DISABLED);
        DestinationState disabled = state(key);
        assertThat(disabled.disabledReason())
                .contains("failing without a success since")
                .contains("HTTP 503");
        assertThat(Duration.between(disabled.failingSince(), disabled.disabledAt()))
                .isGreaterThanOrEqualTo(DISABLE_AFTER);
        await().atMost(DELIVERED).until(() -> alertTypes(key).contains("destination.disabled"));
        assertThat(alerts(key))
                .extracting(a -> a.getString("type") + percent(a))
                .containsExactly(
                        "breaker.opened",
                        "destination.failing 50",
                        "destination.failing 70",
                        "destination.failing 90",
                        "destination.disabled 100");
        assertThat(operator.at(ALERTS))
                .allSatisfy(r -> assertThat(r.rejection()).isNull());
        assertThat(deliveriesOf(first).get(0).getState())
                .as("kept, not dead-lettered")
                .isEqualTo(DeliveryState.PENDING);
        assertThat(deliveriesOf(second).get(0).getState()).isEqualTo(DeliveryState.PENDING);

        receiver.respond(path, 200);
        assertThat(policy.reEnable(key, "it-admin").orElseThrow().breaker()).isEqualTo(Breaker.CLOSED);

        await().atMost(DELIVERED)
                .until(() -> deliveriesOf(first).get(0).getState() == DeliveryState.SUCCEEDED
                        && deliveriesOf(second).get(0).getState() == DeliveryState.SUCCEEDED);
        await().atMost(DELIVERED).until(() -> alertTypes(key).contains("destination.enabled"));
    }

    @Test
    void goneDisablesAtOnceWithTheEventAndKeepsTheDeliveries() {
        receiver.respond(path, 410);
        DestinationKey key =
                webhookOf(configs.save(quantityTrigger(receiver.url(path)).build()));
        Sale gone = sale(1);

        await().atMost(DELIVERED).until(() -> state(key).breaker() == Breaker.DISABLED);
        assertThat(state(key).disabledReason()).contains("410 Gone");
        await().atMost(DELIVERED).until(() -> alertTypes(key).contains("destination.disabled"));
        assertThat(alerts(key).get(0).getJsonObject("data").getString("reason")).contains("410 Gone");
        assertThat(receiver.at(path)).as("410 is not retried").hasSize(1);

        Sale later = sale(2);
        await().pollDelay(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .until(() -> deliveriesOf(later).get(0).getState() == DeliveryState.PENDING);
        assertThat(receiver.at(path))
                .as("nothing goes to a disabled destination")
                .hasSize(1);
        assertThat(deliveriesOf(gone).get(0).getState()).isEqualTo(DeliveryState.PENDING);

        receiver.respond(path, 200);
        policy.reEnable(key, "it-admin");
        await().atMost(DELIVERED)
                .until(() -> deliveriesOf(gone).get(0).getState() == DeliveryState.SUCCEEDED
                        && deliveriesOf(later).get(0).getState() == DeliveryState.SUCCEEDED);
    }

    private DestinationState state(DestinationKey key) {
        return policy.find(key).orElseThrow();
    }

    private static DestinationKey webhookOf(Config config) {
        return DestinationKey.webhook(config.getWebhooks().get(0).getId());
    }

    private boolean everyDelivery(Sale ordered, List<Sale> others, DeliveryState state) {
        List<Delivery> all = new ArrayList<>(deliveriesOf(ordered));
        others.forEach(s -> all.addAll(deliveriesOf(s)));
        return all.size() == 9 && all.stream().allMatch(d -> d.getState() == state);
    }

    /** The requests at this test's path since a time, cut into rounds where more than 500 ms pass between two. */
    private List<List<TestReceiver.Received>> roundsSince(Instant since) {
        List<List<TestReceiver.Received>> rounds = new ArrayList<>();
        Instant last = null;
        for (TestReceiver.Received r : receiver.at(path)) {
            if (r.at().isBefore(since)) {
                continue;
            }
            if (last == null || Duration.between(last, r.at()).toMillis() > 500) {
                rounds.add(new ArrayList<>());
            }
            rounds.get(rounds.size() - 1).add(r);
            last = r.at();
        }
        return rounds;
    }

    /** The alert documents about one destination, in arrival order. */
    private List<JsonObject> alerts(DestinationKey key) {
        return operator.at(ALERTS).stream()
                .map(r -> Json.createReader(new StringReader(r.body())).readObject())
                .filter(a -> key.toString().equals(a.getJsonObject("data").getString("destination")))
                .toList();
    }

    private List<String> alertTypes(DestinationKey key) {
        return alerts(key).stream().map(a -> a.getString("type")).toList();
    }

    private static String percent(JsonObject alert) {
        JsonObject data = alert.getJsonObject("data");
        return data.containsKey("percent") ? " " + data.getInt("percent") : "";
    }

    private static TriggerBuilder quantityTrigger(String url) {
        return trigger("Sale", Signal.POST_SAVE)
                .payload(Json.createValue("{{ quantity }}"))
                .webhook(url);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
