package org.actiontriggers.it;

import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.actiontriggers.demo.Customer;
import org.actiontriggers.demo.DemoShop;
import org.actiontriggers.demo.Product;
import org.actiontriggers.demo.Sale;
import org.actiontriggers.outbox.Attempt;
import org.actiontriggers.outbox.Delivery;
import org.actiontriggers.outbox.DeliveryLog;
import org.actiontriggers.trigger.ConfigRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;

/**
 * Where every in-server integration test starts: no triggers, a customer and a product in the demo shop, and
 * a receiver path of its own, so that nothing a test saves or receives leaks into the next one. Arquillian
 * injects the fields and runs {@link #cleanSlate} inside the server, before the subclass's own set-up.
 */
abstract class ShopFixture {

    /** Generous: Awaitility returns as soon as the condition holds; only a failure waits this long. */
    static final Duration DELIVERED = Duration.ofSeconds(60);

    @Inject
    ConfigRepository configs;

    @Inject
    DemoShop shop;

    @Inject
    DeliveryLog deliveries;

    @Inject
    TestData data;

    final TestReceiver receiver = TestReceiver.get();

    /** This test's path on the receiver, e.g. {@code /hooks/WebhookTriggersIT/aTest/12345}. */
    String path;

    Customer customer;
    Product product;

    @BeforeEach
    void cleanSlate(TestInfo test) {
        data.deleteAllConfigs();
        path = "/hooks/" + getClass().getSimpleName() + "/"
                + test.getTestMethod().orElseThrow().getName() + "/" + System.nanoTime();
        customer = shop.addCustomer("Ann O'Brien", "ann@example.com");
        product = shop.addProduct("Widget", "A \"quoted\" widget");
    }

    /** A committed sale of the fixture's customer and product. */
    Sale sale(int quantity) {
        return shop.addSale(customer.getId(), product.getId(), quantity).orElseThrow();
    }

    List<Delivery> deliveriesOf(Sale sale) {
        return deliveries.byEntity("Sale", sale.getId().toString());
    }

    /** The attempts on record for a delivery, oldest first. */
    List<Attempt> attemptsOf(Delivery delivery) {
        return deliveries.find(delivery.getId()).orElseThrow().getAttemptLog();
    }

    /** The bodies the receiver got at a path, in arrival order. */
    List<String> bodies(String at) {
        return receiver.at(at).stream().map(TestReceiver.Received::body).toList();
    }
}
