package org.actiontriggers.console;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.actiontriggers.outbox.DestinationFigures;
import org.actiontriggers.outbox.DestinationRef;
import org.actiontriggers.outbox.FigureWindow;
import org.actiontriggers.outbox.Figures;
import org.actiontriggers.record.TestEvents;

/**
 * One destination's health ({@code /action-triggers/console/destination.xhtml?webhook=12} or
 * {@code ?broker=name}): its state and why, its last hour, day and week as charts, its latest failures with
 * their responses, and for an admin the buttons that re-enable or disable it, drop what waits for it, or send
 * it a test event. Every action asks {@link ConsoleUser#mayEdit()} on the server, so a forged request from a viewer
 * changes nothing. View-scoped, so that a click is decoded against the destination the page showed.
 */
@Named
@ViewScoped
public class DestinationHealthBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    DestinationFigures figures;

    @Inject
    HealthStates states;

    @Inject
    TestEvents testEvents;

    @Inject
    ConsoleUser user;

    private Long webhook;
    private String reason;
    private String broker;
    private transient Map<FigureWindow, Figures> windows;
    private transient HealthStates.State state;
    private transient String name;

    /** One window's figures and charts, as the page shows them. */
    public record WindowView(Figures figures, String successRate, String volume, String latency) {
        public String getLabel() {
            return figures.window().label();
        }
    }

    public DestinationRef getRef() {
        if (webhook != null) {
            return DestinationRef.webhook(webhook);
        }
        return broker == null || broker.isBlank() ? null : DestinationRef.broker(broker);
    }

    /** Where it goes (the webhook's URL, or {@code broker:<name>}); {@code null} when it is unknown. */
    public String getName() {
        load();
        return name;
    }

    public HealthStates.State getState() {
        load();
        return state;
    }

    private void load() {
        if (state == null && getRef() != null) {
            var entry = states.of(getRef());
            state = entry.map(HealthStates.Entry::state).orElse(HealthStates.State.HEALTHY);
            name = entry.map(HealthStates.Entry::address).orElse("(no longer configured)");
        }
    }

    public List<WindowView> getWindows() {
        DestinationRef ref = getRef();
        if (ref == null) {
            return List.of();
        }
        if (windows == null) {
            windows = figures.of(ref, Instant.now());
        }
        return Arrays.stream(FigureWindow.values())
                .map(w -> {
                    Figures f = windows.get(w);
                    return new WindowView(
                            f,
                            HealthCharts.successRate("rate-" + w.label(), f),
                            HealthCharts.volume("volume-" + w.label(), f),
                            HealthCharts.latency("latency-" + w.label(), f));
                })
                .toList();
    }

    public List<DestinationFigures.FailedAttempt> getFailures() {
        DestinationRef ref = getRef();
        return ref == null ? List.of() : figures.lastFailures(ref, DestinationFigures.LAST_FAILURES);
    }

    public String reenable() {
        if (!user.mayEdit() || getRef() == null) {
            return null;
        }
        boolean changed = states.reenable(getRef(), user.getName());
        return done(
                changed
                        ? getRef().describe() + " is enabled again; its waiting deliveries go out in their order."
                        : getRef().describe() + " was neither disabled nor held by its breaker.");
    }

    public String disable() {
        if (!user.mayEdit() || getRef() == null) {
            return null;
        }
        states.disable(getRef(), reason, user.getName());
        return done(getRef().describe() + " is disabled; its deliveries wait until it is re-enabled.");
    }

    public String dropWaiting() {
        if (!user.mayEdit() || getRef() == null) {
            return null;
        }
        int dropped = states.dropWaiting(getRef(), user.getName());
        return done(dropped + " waiting deliver" + (dropped == 1 ? "y" : "ies") + " of " + getRef().describe()
                + " dropped.");
    }

    public String sendTest() {
        if (!user.mayEdit() || getRef() == null) {
            return null;
        }
        Optional<String> id = testEvents.send(getRef(), user.getName());
        return done(id.map(d -> "Test event " + d + " queued for " + getRef().describe() + ".")
                .orElse("No trigger sends to " + getRef().describe() + " any more; no test event was queued."));
    }

    private String done(String message) {
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, message, null));
        faces.getExternalContext().getFlash().setKeepMessages(true);
        DestinationRef ref = getRef();
        return "/action-triggers/console/destination?faces-redirect=true&"
                + (ref.isWebhook() ? "webhook=" : "broker=")
                + URLEncoder.encode(ref.id(), StandardCharsets.UTF_8);
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public Long getWebhook() {
        return webhook;
    }

    public void setWebhook(Long webhook) {
        this.webhook = webhook;
    }

    public String getBroker() {
        return broker;
    }

    public void setBroker(String broker) {
        this.broker = broker;
    }
}
