package org.actiontriggers.it;

import static org.actiontriggers.it.TriggerBuilder.trigger;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;
import org.actiontriggers.capture.BulkChanges;
import org.actiontriggers.demo.Customer;
import org.actiontriggers.demo.Sale;
import org.actiontriggers.outbox.Delivery;
import org.actiontriggers.trigger.Signal;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Change-aware capture (#17) on a real server, database and receiver: {@code previous} and {@code
 * changed_fields} after a load in another transaction (fresh or merged), per flush, for a lazy reference
 * never loaded, on delete; the bulk API; and types no config watches, which keep nothing.
 */
@ExtendWith(ArquillianExtension.class)
class ChangeCaptureIT extends ShopFixture {

    /** What each delivery says about the change. */
    private static final JsonObject TEMPLATE = template("""
            {"id": "{{ id }}", "operation": "{{ operation }}", "created": "{{ created }}",
             "status": "{{ status }}", "quantity": "{{ quantity }}",
             "previous_status": "{{ previous.status }}", "previous_quantity": "{{ previous.quantity }}",
             "changed": "{{ changed_fields }}", "customer": "{{ customer.name }}",
             "previous_customer": "{{ previous.customer.id }}",
             "referrer": "{{ referrer }}", "referrer_name": "{{ referrer.name }}",
             "previous_referrer_name": "{{ previous.referrer.name }}"}""");

    @Inject
    ChangeScenarios scenarios;

    @Inject
    BulkChanges bulk;

    @Deployment
    static WebArchive deployment() {
        return Deployments.application();
    }

    private static JsonObject template(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    private void watchSales(Signal signal) {
        configs.save(trigger("Sale", signal)
                .payload(TEMPLATE)
                .ordered()
                .webhook(receiver.url(path))
                .build());
    }

    /** The bodies received at the test's path once there are {@code count}, in arrival order. */
    private List<JsonObject> received(int count) {
        await().atMost(DELIVERED).until(() -> receiver.at(path).size() >= count);
        List<JsonObject> bodies = bodies(path).stream().map(ApiClient::json).toList();
        assertThat(bodies).hasSize(count);
        return bodies;
    }

    private static List<String> changed(JsonObject body) {
        return body.getJsonArray("changed").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString)
                .toList();
    }

    @Test
    void statusMovesFromNewToCompletedWithThePreviousStatusLoadedFreshOrMerged() {
        watchSales(Signal.POST_SAVE);

        Sale sale = sale(1);
        shop.changeStatus(sale.getId(), Sale.IN_PROGRESS); // loaded fresh in its own transaction
        shop.changeQuantity(sale.getId(), 4); // another field, the status unchanged
        Sale detached = scenarios.load(sale.getId()); // loaded in one transaction,
        detached.setStatus(Sale.COMPLETED);
        scenarios.merge(detached); // changed and merged in another

        List<JsonObject> bodies = received(4);
        JsonObject create = bodies.get(0);
        assertThat(create.getString("operation")).isEqualTo("create");
        assertThat(create.getBoolean("created")).isTrue();
        assertThat(create.isNull("previous_status")).isTrue();
        assertThat(changed(create)).isEmpty();

        JsonObject started = bodies.get(1);
        assertThat(started.getString("operation")).isEqualTo("update");
        assertThat(started.getBoolean("created")).isFalse();
        assertThat(started.getString("previous_status")).isEqualTo("new");
        assertThat(started.getString("status")).isEqualTo("in_progress");
        assertThat(changed(started)).containsExactly("status");

        JsonObject quantity = bodies.get(2);
        assertThat(quantity.getString("previous_status")).isEqualTo("in_progress");
        assertThat(quantity.getString("status")).isEqualTo("in_progress");
        assertThat(quantity.getInt("previous_quantity")).isEqualTo(1);
        assertThat(quantity.getInt("quantity")).isEqualTo(4);
        assertThat(changed(quantity)).containsExactly("quantity");

        JsonObject merged = bodies.get(3);
        assertThat(merged.getString("previous_status")).isEqualTo("in_progress");
        assertThat(merged.getString("status")).isEqualTo("completed");
        assertThat(merged.getInt("previous_quantity")).isEqualTo(4);
        assertThat(merged.getString("customer")).isEqualTo("Ann O'Brien");
        assertThat(merged.getJsonNumber("previous_customer").longValue()).isEqualTo(customer.getId());
        assertThat(changed(merged)).containsExactly("status");
    }

    /**
     * Django Action Triggers' issue #149: a config that fires only when the status goes from in_progress to
     * completed, while other saves (another field, another transition, a create) send nothing.
     */
    @Test
    void aConditionOnTheStatusTransitionFiresExactlyOnceWithThePreviousAndNewStatus() {
        configs.save(trigger("Sale", Signal.POST_SAVE)
                .payload(TEMPLATE)
                .condition(template("""
                        {"field": "status", "changed_from": "in_progress", "to": "completed"}"""))
                .webhook(receiver.url(path))
                .build());

        Sale sale = sale(1); // a create: no previous state, so no transition
        shop.changeQuantity(sale.getId(), 2); // another field
        shop.changeStatus(sale.getId(), Sale.IN_PROGRESS); // new → in_progress
        shop.changeSale(sale.getId(), 3, null); // another field again, in progress
        shop.changeSale(sale.getId(), 4, Sale.COMPLETED); // in_progress → completed, with the quantity
        Sale other = sale(1);
        shop.changeStatus(other.getId(), Sale.COMPLETED); // new → completed: not from in_progress

        JsonObject body = received(1).get(0);
        assertThat(body.getJsonNumber("id").longValue()).isEqualTo(sale.getId());
        assertThat(body.getString("previous_status")).isEqualTo("in_progress");
        assertThat(body.getString("status")).isEqualTo("completed");
        assertThat(changed(body)).containsExactly("quantity", "status");
        assertThat(deliveriesOf(sale)).hasSize(1);
        assertThat(deliveriesOf(other)).isEmpty();
    }

    @Test
    void changedInTwoFlushesOfOneTransactionGivesOneDeliveryPerFlush() {
        Sale sale = sale(1);
        watchSales(Signal.POST_SAVE);

        scenarios.statusTwiceWithAFlush(sale.getId(), Sale.IN_PROGRESS, Sale.COMPLETED);

        assertThat(deliveriesOf(sale)).hasSize(2);
        List<JsonObject> bodies = received(2);
        assertThat(bodies.get(0).getString("previous_status")).isEqualTo("new");
        assertThat(bodies.get(0).getString("status")).isEqualTo("in_progress");
        assertThat(bodies.get(1).getString("previous_status")).isEqualTo("in_progress");
        assertThat(bodies.get(1).getString("status")).isEqualTo("completed");
        assertThat(bodies).allSatisfy(body -> assertThat(changed(body)).containsExactly("status"));
    }

    @Test
    void changedTwiceBeforeOneFlushGivesOneDelivery() {
        Sale sale = sale(1);
        watchSales(Signal.POST_SAVE);

        scenarios.quantityThenStatusWithoutAFlush(sale.getId(), 5, Sale.COMPLETED);

        assertThat(deliveriesOf(sale)).hasSize(1);
        JsonObject body = received(1).get(0);
        assertThat(body.getString("previous_status")).isEqualTo("new");
        assertThat(body.getInt("previous_quantity")).isEqualTo(1);
        assertThat(body.getString("status")).isEqualTo("completed");
        assertThat(body.getInt("quantity")).isEqualTo(5);
        assertThat(changed(body)).containsExactly("quantity", "status");
    }

    @Test
    void aLazyReferenceNeverLoadedStaysUnloadedAndIsAbsentOrItsIdOnly() {
        Customer referrer = shop.addCustomer("Rita Referrer", "rita@example.com");
        Sale sale = sale(1);
        scenarios.refer(sale.getId(), referrer.getId());
        watchSales(Signal.POST_SAVE);

        boolean loaded = scenarios.statusLeavingTheReferrerUnread(sale.getId(), Sale.IN_PROGRESS);

        assertThat(loaded).as("the referrer is loaded after capture").isFalse();
        JsonObject body = received(1).get(0);
        assertThat(body.isNull("referrer_name")).isTrue();
        assertThat(body.isNull("previous_referrer_name")).isTrue();
        JsonValue reference = body.get("referrer");
        // absent where the provider does not know the id without loading (EclipseLink weaving), the id where
        // it holds an uninitialised proxy (Hibernate)
        if (reference.getValueType() != JsonValue.ValueType.NULL) {
            assertThat(reference.asJsonObject().keySet()).containsExactly("id");
            assertThat(reference.asJsonObject().getJsonNumber("id").longValue()).isEqualTo(referrer.getId());
        }
        assertThat(changed(body)).containsExactly("status");
    }

    @Test
    void aDeleteCarriesThePreviousState() {
        Sale sale = sale(2);
        shop.changeStatus(sale.getId(), Sale.IN_PROGRESS);
        watchSales(Signal.POST_DELETE);

        shop.deleteSale(sale.getId());

        JsonObject body = received(1).get(0);
        assertThat(body.getString("operation")).isEqualTo("delete");
        assertThat(body.getString("previous_status")).isEqualTo("in_progress");
        assertThat(body.getString("status")).isEqualTo("in_progress");
        assertThat(body.getInt("previous_quantity")).isEqualTo(2);
        assertThat(changed(body)).isEmpty();
    }

    @Test
    void theBulkApiRecordsOneDeliveryPerRowInTheCallersTransactionAndNoneOnRollback() {
        List<Sale> sales = List.of(sale(1), sale(2), sale(3));
        List<Long> ids = sales.stream().map(Sale::getId).toList();
        watchSales(Signal.POST_SAVE);

        assertThatThrownBy(() -> scenarios.bulkQuantityThenFail(ids, 7, () -> {
                    int inside = ids.stream()
                            .mapToInt(id -> data.outboxRows("Sale", id))
                            .sum();
                    assertThat(inside)
                            .as("outbox rows inside the open transaction")
                            .isEqualTo(3);
                    return inside;
                }))
                .isInstanceOf(ChangeScenarios.RolledBack.class);
        assertThat(ids).allSatisfy(id -> assertThat(data.outboxRows("Sale", id)).isZero());

        assertThat(scenarios.bulkQuantity(ids, 42)).isEqualTo(3);

        assertThat(sales)
                .allSatisfy(sale -> assertThat(deliveriesOf(sale))
                        .extracting(Delivery::getOperation)
                        .containsExactly("update"));
        List<JsonObject> bodies = received(3);
        assertThat(bodies).allSatisfy(body -> {
            assertThat(body.getInt("quantity")).isEqualTo(42);
            assertThat(body.getString("operation")).isEqualTo("update");
            assertThat(body.isNull("previous_status")).isTrue();
        });
        assertThat(bodies)
                .extracting(body -> body.getJsonNumber("id").longValue())
                .containsExactlyInAnyOrderElementsOf(ids);

        assertThatThrownBy(() -> bulk.updated(Sale.class, ids))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("transaction");

        // the demo shop's own bulk statement, recorded the same way
        assertThat(shop.completeAll(ids)).isEqualTo(3);
        assertThat(received(6).subList(3, 6))
                .extracting(body -> body.getString("status"))
                .containsExactly("completed", "completed", "completed");
    }

    @Test
    void theBulkApiRecordsDeletesFromTheRowsAsTheyWereBeforeTheStatement() {
        Sale first = sale(1);
        Sale second = sale(2);
        shop.changeStatus(second.getId(), Sale.COMPLETED);
        watchSales(Signal.POST_DELETE);

        assertThat(scenarios.bulkDelete(List.of(first.getId(), second.getId()))).isEqualTo(2);

        List<JsonObject> bodies = received(2);
        assertThat(bodies)
                .allSatisfy(body -> assertThat(body.getString("operation")).isEqualTo("delete"));
        assertThat(bodies).extracting(body -> body.getString("status")).containsExactlyInAnyOrder("new", "completed");
    }

    @Test
    void typesNoConfigWatchesKeepNoPreviousStateAndTheBulkApiIgnoresThem() {
        Sale sale = sale(1);
        watchSales(Signal.POST_SAVE);

        assertThat(scenarios.previousStatesKeptAfterLoading(customer.getId(), sale.getId()))
                .as("previous states kept after loading a Customer, then a Sale")
                .containsExactly(false, true);
        assertThat(scenarios.bulkCustomers(List.of(customer.getId()))).isZero();
        assertThat(deliveries.byEntity("Customer", customer.getId().toString())).isEmpty();
        assertThat(deliveriesOf(sale)).isEmpty();
    }
}
