package org.actiontriggers.bench;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.actiontriggers.demo.DemoShop;
import org.actiontriggers.dispatch.DeliveryDispatcher;
import org.actiontriggers.dispatch.PolicyHooksSwitch;
import org.actiontriggers.trigger.Config;
import org.actiontriggers.trigger.ConfigRepository;
import org.actiontriggers.trigger.HttpMethod;
import org.actiontriggers.trigger.MessageBrokerQueue;
import org.actiontriggers.trigger.Signal;
import org.actiontriggers.trigger.Webhook;

/**
 * The server side of the benchmark, deployed only in the bench WAR: it sets up triggers through the same
 * repository and constructors an application would use, and times transactions where they run, so that
 * commit overhead is measured without the noise of an HTTP round trip.
 */
@Path("bench")
@Produces(MediaType.APPLICATION_JSON)
public class BenchResource {
    /** Resolved once, so the harness does not pay a class-loader lookup on every answer. */
    private static final JsonProvider JSON = JsonProvider.provider();

    /** The seed page's payload, plus the sale's id so the receiver can tell which change arrived. */
    static final JsonObject PAYLOAD = JSON.createObjectBuilder()
            .add("id", "{{ id }}")
            .add("customer_name", "{{ customer.name }}")
            .add("product_name", "{{ product.name }}")
            .add("quantity", "{{ quantity }}")
            .build();

    @Inject
    ConfigRepository configs;

    @Inject
    DemoShop shop;

    @Inject
    DataSource dataSource;

    @Inject
    DeliveryDispatcher dispatcher;

    @Inject
    PolicyHooksSwitch policyHooks;

    @Resource
    ManagedExecutorService executor;

    /** Answers once the application is deployed and started; the driver polls it. */
    @GET
    @Path("ready")
    public JsonObject ready() {
        return JSON.createObjectBuilder().add("ready", true).build();
    }

    /** The database and JVM the server runs on, for the results header. */
    @GET
    @Path("environment")
    public JsonObject environment() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            return JSON.createObjectBuilder()
                    .add("database", meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion())
                    .add("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"))
                    .add("cores", Runtime.getRuntime().availableProcessors())
                    .add("maxHeapMiB", Runtime.getRuntime().maxMemory() >> 20)
                    .build();
        }
    }

    /** A customer and a product for the sales to reference. */
    @POST
    @Path("fixture")
    public JsonObject fixture() {
        long customer = shop.addCustomer("Ann O'Brien", "ann@example.com").getId();
        long product = shop.addProduct("Widget", "A blue one").getId();
        return JSON.createObjectBuilder()
                .add("customer", customer)
                .add("product", product)
                .build();
    }

    /**
     * One config on {@code entity}'s post_save with {@code webhooks} webhooks: the first at {@code url}, the
     * others at {@code url/1}, {@code url/2}… so the receiver can tell them apart.
     */
    @POST
    @Path("triggers")
    public JsonObject createTriggers(
            @QueryParam("entity") String entity,
            @QueryParam("webhooks") int webhooks,
            @QueryParam("url") String url,
            @QueryParam("condition") String condition) {
        Config config = new Config(PAYLOAD, true, List.of(entity));
        if (condition != null && !condition.isBlank()) {
            try (JsonReader reader = JSON.createReader(new StringReader(condition))) {
                config.setCondition(reader.readValue());
            }
        }
        for (int i = 0; i < Math.max(1, webhooks); i++) {
            new Webhook(config, i == 0 ? url : url + "/" + i, HttpMethod.POST, null, null);
        }
        config.addSignal(Signal.POST_SAVE);
        return JSON.createObjectBuilder()
                .add("configId", configs.save(config).getId())
                .build();
    }

    /** One config on {@code entity} publishing to one queue of a broker defined in the settings. */
    @POST
    @Path("triggers/broker")
    public JsonObject createBrokerTrigger(
            @QueryParam("entity") String entity,
            @QueryParam("broker") String broker,
            @QueryParam("parameter") String parameter,
            @QueryParam("value") String value) {
        Config config = new Config(PAYLOAD, true, List.of(entity));
        config.addBrokerQueue(new MessageBrokerQueue(null, broker, null, Map.of(parameter, value), null));
        config.addSignal(Signal.POST_SAVE);
        return JSON.createObjectBuilder()
                .add("configId", configs.save(config).getId())
                .build();
    }

    /** Deletes every config, so the next case starts with no trigger. */
    @DELETE
    @Path("triggers")
    public JsonObject deleteTriggers() {
        int deleted = 0;
        for (Config config : configs.findActiveWithChildren()) {
            deleted += configs.delete(config.getId()) ? 1 : 0;
        }
        return JSON.createObjectBuilder().add("deleted", deleted).build();
    }

    /** One sale in its own transaction; answers its id and when the commit returned (epoch microseconds). */
    @POST
    @Path("sale")
    public JsonObject sale(@QueryParam("customer") long customer, @QueryParam("product") long product) {
        long id = shop.addSale(customer, product, 1).orElseThrow().getId();
        return JSON.createObjectBuilder()
                .add("id", id)
                .add("committedAt", epochMicros())
                .build();
    }

    /** {@code n} sales one after the other, each its own transaction; answers each one's duration in nanoseconds. */
    @POST
    @Path("sales/timed")
    public JsonObject timedSales(
            @QueryParam("n") int n, @QueryParam("customer") long customer, @QueryParam("product") long product) {
        JsonArrayBuilder nanos = JSON.createArrayBuilder();
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            shop.addSale(customer, product, 1).orElseThrow();
            nanos.add(System.nanoTime() - t0);
        }
        return JSON.createObjectBuilder().add("nanos", nanos).build();
    }

    /** The sales {@code sales/prepared} made for {@code sales/timed-updates}; one bench client at a time. */
    private static volatile List<Long> prepared = List.of();

    /** {@code n} sales, untimed, kept for the next {@code sales/timed-updates}. */
    @POST
    @Path("sales/prepared")
    public JsonObject preparedSales(
            @QueryParam("n") int n, @QueryParam("customer") long customer, @QueryParam("product") long product) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(shop.addSale(customer, product, 1).orElseThrow().getId());
        }
        prepared = List.copyOf(ids);
        return JSON.createObjectBuilder().add("prepared", ids.size()).build();
    }

    /**
     * Each prepared sale changed once in a transaction of its own — loaded, its quantity set to 2, committed;
     * answers each change's duration in nanoseconds.
     */
    @POST
    @Path("sales/timed-updates")
    public JsonObject timedUpdates() {
        JsonArrayBuilder nanos = JSON.createArrayBuilder();
        for (long id : prepared) {
            long t0 = System.nanoTime();
            shop.changeQuantity(id, 2).orElseThrow();
            nanos.add(System.nanoTime() - t0);
        }
        return JSON.createObjectBuilder().add("nanos", nanos).build();
    }

    /**
     * {@code n} sales, each its own transaction, from {@code threads} threads; answers when the first began
     * (epoch microseconds, the receiver's clock) and the elapsed time until the last commit.
     */
    @POST
    @Path("sales/bulk")
    public JsonObject bulkSales(
            @QueryParam("n") int n,
            @QueryParam("threads") int threads,
            @QueryParam("customer") long customer,
            @QueryParam("product") long product)
            throws InterruptedException, ExecutionException {
        AtomicInteger left = new AtomicInteger(n);
        long startedAt = epochMicros();
        long t0 = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < Math.max(1, threads); t++) {
            workers.add(executor.submit(() -> {
                while (left.getAndDecrement() > 0) {
                    shop.addSale(customer, product, 1).orElseThrow();
                }
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        return JSON.createObjectBuilder()
                .add("startedAt", startedAt)
                .add("nanos", System.nanoTime() - t0)
                .build();
    }

    /** Turns the policy's claim filter and outcome observer on or off (case 12's A/B). */
    @POST
    @Path("policy-hooks")
    public JsonObject policyHooks(@QueryParam("on") boolean on) {
        policyHooks.policyHooks(on);
        return JSON.createObjectBuilder().add("on", on).build();
    }

    /** Outbox rows by state. */
    @GET
    @Path("outbox")
    public JsonObject outbox() throws SQLException {
        JsonObjectBuilder states = JSON.createObjectBuilder();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("SELECT state, COUNT(*) FROM action_triggers_delivery GROUP BY state");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                states.add(rs.getString(1), rs.getLong(2));
            }
        }
        return states.build();
    }

    /**
     * Makes the pending deliveries that wait for a later retry round due now, and wakes the dispatcher: what
     * happens anyway when the schedule's next round comes, without waiting minutes for it. Rows already due
     * are left alone, so the update stays small and does not contend with the dispatcher's claims.
     */
    @POST
    @Path("outbox/due-now")
    public JsonObject dueNow() throws SQLException {
        int updated;
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "UPDATE action_triggers_delivery SET due_at = ? WHERE state = 'PENDING' AND due_at > ?")) {
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            ps.setObject(1, now);
            ps.setObject(2, now);
            updated = ps.executeUpdate();
        }
        dispatcher.wake();
        return JSON.createObjectBuilder().add("updated", updated).build();
    }

    /** Heap in use after full collections, in bytes. */
    @POST
    @Path("heap")
    public JsonObject heapAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return JSON.createObjectBuilder()
                .add("used", memory.getHeapMemoryUsage().getUsed())
                .build();
    }

    private static long epochMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }
}
