package org.actiontriggers.it.cluster;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.actiontriggers.outbox.DeliveryRepository;
import org.actiontriggers.trigger.ActiveTriggers;
import org.actiontriggers.trigger.Config;
import org.actiontriggers.trigger.ConfigRepository;
import org.actiontriggers.trigger.HttpMethod;
import org.actiontriggers.trigger.Signal;
import org.actiontriggers.trigger.Webhook;

/**
 * Test-only remote control of an instance the drills start as a separate process: just enough to create,
 * change and deactivate a one-webhook config, to see what this instance's trigger cache holds, and to
 * redeliver. Deployed only into the drills' WAR, never into the product; it lives under {@code demo/}, which
 * the admin API's authentication leaves open.
 */
@Path("demo/it-drill")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class DrillControlResource {

    /** A config with one webhook and one signal; {@code rateLimit} (requests per second) may be null. */
    public record TriggerForm(
            String entity, String signal, String url, boolean ordered, boolean active, Double rateLimit) {}

    @Inject
    ConfigRepository configs;

    @Inject
    ActiveTriggers activeTriggers;

    @Inject
    DeliveryRepository outbox;

    @POST
    @Path("configs")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public Map<String, Long> create(TriggerForm form) {
        Config config = new Config(null, form.active(), List.of(form.entity()));
        config.setOrdered(form.ordered());
        new Webhook(config, form.url(), HttpMethod.POST, Map.of(), null).setRateLimit(form.rateLimit());
        config.addSignal(Signal.parse(form.signal()));
        configs.save(config);
        return Map.of("id", config.getId());
    }

    /** Changes the URL of the config's webhook and whether the config is active. */
    @PUT
    @Path("configs/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public Response change(@PathParam("id") long id, TriggerForm form) {
        Config config = configs.find(id).orElseThrow(NotFoundException::new);
        config.getWebhooks().get(0).setUrl(form.url());
        config.setActive(form.active());
        configs.save(config);
        return Response.noContent().build();
    }

    /** The webhook URLs this instance's cache would record a delivery for. */
    @GET
    @Path("triggers/{entity}/{signal}")
    public List<String> triggers(@PathParam("entity") String entity, @PathParam("signal") String signal) {
        return activeTriggers.matching(entity, Signal.parse(signal)).stream()
                .map(target -> target.destination().address())
                .toList();
    }

    @POST
    @Path("deliveries/{id}/redeliver")
    public Response redeliver(@PathParam("id") String id) {
        if (!outbox.redeliver(id)) {
            throw new NotFoundException();
        }
        return Response.noContent().build();
    }
}
