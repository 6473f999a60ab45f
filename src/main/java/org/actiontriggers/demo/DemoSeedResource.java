package org.actiontriggers.demo;

import jakarta.inject.Inject;
import jakarta.json.spi.JsonProvider;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.actiontriggers.trigger.Config;
import org.actiontriggers.trigger.ConfigRepository;
import org.actiontriggers.trigger.HttpMethod;
import org.actiontriggers.trigger.Signal;
import org.actiontriggers.trigger.Webhook;

/**
 * {@code POST /api/demo/seed-trigger} creates the seed page's trigger — "when a Sale is saved, POST its
 * customer, product and quantity" — aimed at the demo receiver, exactly as steps 2–4 of the seed page do it.
 * The receiver is addressed over loopback (the only private network the demo settings allow webhooks to
 * reach), whatever address the caller used.
 */
@Path("demo/seed-trigger")
public class DemoSeedResource {

    /** Resolved once: every {@code Json.create…} call looks the provider up again through the class loader. */
    private static final JsonProvider JSON = JsonProvider.provider();

    /** What was created. */
    public record SeededTrigger(long configId, String url) {}

    @Inject
    ConfigRepository configs;

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public SeededTrigger seed(@Context UriInfo uri, @Context HttpServletRequest request) {
        String url = uri.getBaseUriBuilder()
                .host("127.0.0.1")
                .port(request.getLocalPort())
                .path("demo/receiver/sales")
                .build()
                .toString();
        Config config = new Config(
                JSON.createObjectBuilder()
                        .add("customer_name", "{{ customer.name }}")
                        .add("product_name", "{{ product.name }}")
                        .add("quantity", "{{ quantity }}")
                        .build(),
                true,
                List.of("Sale"));
        new Webhook(
                config,
                url,
                HttpMethod.POST,
                Map.of(
                        "Content-Type",
                        "application/json",
                        "Authorization",
                        "Bearer {{ org.actiontriggers.demo.DemoSecrets.fetchApiKey }}"),
                10.0);
        config.addSignal(Signal.POST_SAVE);
        Config saved = configs.save(config);
        return new SeededTrigger(saved.getId(), url);
    }
}
