package org.actiontriggers.console;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.actiontriggers.outbox.Delivery;
import org.actiontriggers.outbox.DeliverySearch;
import org.actiontriggers.settings.TriggerSettings;
import org.actiontriggers.trigger.Config;
import org.actiontriggers.trigger.ConfigService;
import org.actiontriggers.trigger.Page;

/**
 * The triggers page ({@code /action-triggers/console/index.xhtml}): every trigger at a glance, switch on or off, delete.
 * View-scoped, so that a button's click is decoded against the rows the page showed.
 */
@Named
@ViewScoped
public class TriggerListBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    static final int PAGE_SIZE = 50;

    @Inject
    ConfigService configs;

    @Inject
    DeliverySearch deliveries;

    @Inject
    TriggerSettings settings;

    @Inject
    ConsoleUser user;

    private int page = 1;
    private List<Row> rows;
    private long total;

    /** One webhook as listed: where it sends. */
    public record WebhookSummary(long id, String method, String url) implements Serializable {}

    /** One message broker queue as listed: the broker it publishes to and the parameters it overrides. */
    public record QueueSummary(String broker, String parameters) implements Serializable {}

    /** One trigger as listed, with how its latest delivery went. */
    public record Row(
            long id,
            boolean active,
            String entityTypes,
            String signals,
            List<WebhookSummary> webhooks,
            List<QueueSummary> queues,
            String lastState,
            OffsetDateTime lastAt,
            String lastDeliveryId)
            implements Serializable {

        public int getWebhookCount() {
            return webhooks.size();
        }

        public int getQueueCount() {
            return queues.size();
        }
    }

    public List<Row> getRows() {
        if (rows == null) {
            Page<Config> found = configs.list(null, null, page, PAGE_SIZE);
            total = found.total();
            rows = found.items().stream().map(this::row).toList();
        }
        return rows;
    }

    private Row row(Config config) {
        List<Delivery> latest = deliveries
                .find(new DeliverySearch.Filter(config.getId(), null, null, null, null, null, null), 1, 1)
                .items();
        Delivery last = latest.isEmpty() ? null : latest.get(0);
        return new Row(
                config.getId(),
                config.isActive(),
                String.join(", ", config.getContentTypes()),
                String.join(
                        ", ",
                        config.getConfigSignals().stream()
                                .map(s -> s.getSignal().value())
                                .toList()),
                config.getWebhooks().stream()
                        .map(w ->
                                new WebhookSummary(w.getId(), w.getHttpMethod().name(), w.getUrl()))
                        .toList(),
                config.getBrokerQueues().stream()
                        .map(q -> new QueueSummary(
                                q.getName(),
                                q.getParameters().entrySet().stream()
                                        .map(e -> e.getKey() + "=" + e.getValue())
                                        .collect(java.util.stream.Collectors.joining(", "))))
                        .toList(),
                last == null ? null : last.getState().name().toLowerCase(Locale.ROOT),
                last == null ? null : last.getCreatedAt(),
                last == null ? null : last.getId());
    }

    public long getTotal() {
        getRows();
        return total;
    }

    /** Entity types a trigger may watch here, for the page's hint. */
    public String getWhitelist() {
        return String.join(", ", new TreeSet<>(settings.current().whitelistedContentTypes()));
    }

    public String toggle(long id) {
        if (!user.mayEdit()) {
            return null;
        }
        boolean now = configs.find(id).map(c -> !c.isActive()).orElse(false);
        if (configs.setActive(id, now).isEmpty()) {
            return done("Trigger " + id + " no longer exists.");
        }
        return done("Trigger " + id + " is now " + (now ? "on" : "off") + ".");
    }

    public String delete(long id) {
        if (!user.mayEdit()) {
            return null;
        }
        return done(
                configs.delete(id)
                        ? "Trigger " + id + " was deleted; its deliveries stay in the log."
                        : "Trigger " + id + " no longer exists.");
    }

    private static String done(String message) {
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, message, null));
        faces.getExternalContext().getFlash().setKeepMessages(true);
        return "/action-triggers/console/index?faces-redirect=true";
    }

    public int getPage() {
        return page;
    }

    public void setPage(int page) {
        this.page = Math.max(1, page);
    }
}
