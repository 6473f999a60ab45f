package org.actiontriggers.console;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.actiontriggers.outbox.Delivery;
import org.actiontriggers.outbox.DeliverySearch;
import org.actiontriggers.outbox.DeliveryState;
import org.actiontriggers.outbox.Redelivery;
import org.actiontriggers.trigger.Page;

/**
 * The delivery log ({@code /action-triggers/console/deliveries.xhtml}): deliveries filtered by state, trigger, webhook,
 * entity and time — the filter lives in the URL, so a view can be bookmarked or sent to a colleague — and,
 * for an admin, "send again everything of this webhook that failed since …" after a receiver's outage.
 */
@Named
@RequestScoped
public class DeliveryLogBacking {

    static final int PAGE_SIZE = 25;

    /** The filter fields as the page names them. */
    private static final Map<String, String> LABELS =
            Map.of("state", "State", "config", "Trigger", "webhook", "Webhook", "since", "Since", "until", "Until");

    @Inject
    DeliverySearch search;

    @Inject
    Redelivery redelivery;

    @Inject
    ConsoleUser user;

    private String state;
    private String config;
    private String webhook;
    private String entityType;
    private String entityId;
    private String since;
    private String until;
    private int page = 1;
    private final Map<String, String> errors = new LinkedHashMap<>();
    private Page<Delivery> found;

    private String recoverWebhook;
    private String recoverSince;

    /** Runs the search the URL describes; a filter that cannot be read is named next to its field. */
    public void load() {
        DeliverySearch.Filter filter = new DeliverySearch.Filter(
                read("config", config, Long::valueOf, "must be a trigger number, e.g. 3"),
                read("webhook", webhook, Long::valueOf, "must be a webhook number, e.g. 7"),
                blankToNull(entityType),
                blankToNull(entityId),
                read("state", state, s -> DeliveryState.valueOf(s.toUpperCase(Locale.ROOT)), "is not a state"),
                time("since", since),
                time("until", until));
        found = errors.isEmpty() ? search.find(filter, page, PAGE_SIZE) : new Page<>(List.of(), 0, page, PAGE_SIZE);
    }

    public String recover() {
        if (!user.mayEdit()) {
            return null;
        }
        FacesContext faces = FacesContext.getCurrentInstance();
        Long id = null;
        Instant from = null;
        try {
            id = Long.valueOf(recoverWebhook == null ? "" : recoverWebhook.trim());
        } catch (NumberFormatException e) {
            faces.addMessage(
                    "recover:webhook",
                    new FacesMessage(FacesMessage.SEVERITY_ERROR, "Webhook must be a webhook number, e.g. 7", null));
        }
        try {
            from = TimeInput.parse(recoverSince).orElse(null);
            if (from == null) {
                faces.addMessage(
                        "recover:since",
                        new FacesMessage(FacesMessage.SEVERITY_ERROR, "Since is required: " + TimeInput.HINT, null));
            }
        } catch (IllegalArgumentException e) {
            faces.addMessage(
                    "recover:since", new FacesMessage(FacesMessage.SEVERITY_ERROR, "Since " + e.getMessage(), null));
        }
        if (id == null || from == null) {
            return null;
        }
        int count = redelivery.recover(id, from);
        faces.addMessage(
                null,
                new FacesMessage(
                        FacesMessage.SEVERITY_INFO,
                        count + (count == 1 ? " failed delivery" : " failed deliveries") + " of webhook " + id
                                + " since " + from + " will be sent again.",
                        null));
        faces.getExternalContext().getFlash().setKeepMessages(true);
        return "/action-triggers/console/deliveries?faces-redirect=true&webhook=" + id;
    }

    private <T> T read(String field, String text, Function<String, T> parse, String reason) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return parse.apply(text.trim());
        } catch (IllegalArgumentException e) {
            errors.put(field, LABELS.get(field) + " " + reason);
            return null;
        }
    }

    private Instant time(String field, String text) {
        try {
            return TimeInput.parse(text).orElse(null);
        } catch (IllegalArgumentException e) {
            errors.put(field, LABELS.get(field) + " " + e.getMessage());
            return null;
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    public List<Delivery> getDeliveries() {
        return found == null ? List.of() : found.items();
    }

    public long getTotal() {
        return found == null ? 0 : found.total();
    }

    public boolean isHasNext() {
        return (long) page * PAGE_SIZE < getTotal();
    }

    public List<String> getStates() {
        return Arrays.stream(DeliveryState.values())
                .map(s -> s.name().toLowerCase(Locale.ROOT))
                .toList();
    }

    /** What the page shows for a state. */
    public String label(DeliveryState state) {
        return state == null ? "" : state.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    public Map<String, String> getErrors() {
        return errors;
    }

    public String getState() {
        return state;
    }

    public void setState(String state) {
        this.state = state;
    }

    public String getConfig() {
        return config;
    }

    public void setConfig(String config) {
        this.config = config;
    }

    public String getWebhook() {
        return webhook;
    }

    public void setWebhook(String webhook) {
        this.webhook = webhook;
    }

    public String getEntityType() {
        return entityType;
    }

    public void setEntityType(String entityType) {
        this.entityType = entityType;
    }

    public String getEntityId() {
        return entityId;
    }

    public void setEntityId(String entityId) {
        this.entityId = entityId;
    }

    public String getSince() {
        return since;
    }

    public void setSince(String since) {
        this.since = since;
    }

    public String getUntil() {
        return until;
    }

    public void setUntil(String until) {
        this.until = until;
    }

    public int getPage() {
        return page;
    }

    public void setPage(int page) {
        this.page = Math.max(1, page);
    }

    public String getRecoverWebhook() {
        return recoverWebhook == null ? webhook : recoverWebhook;
    }

    public void setRecoverWebhook(String recoverWebhook) {
        this.recoverWebhook = recoverWebhook;
    }

    public String getRecoverSince() {
        return recoverSince;
    }

    public void setRecoverSince(String recoverSince) {
        this.recoverSince = recoverSince;
    }
}
