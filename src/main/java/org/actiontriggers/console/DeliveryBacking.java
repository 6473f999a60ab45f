package org.actiontriggers.console;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.actiontriggers.record.Delivery;
import org.actiontriggers.record.DeliveryLog;
import org.actiontriggers.record.DeliveryState;
import org.actiontriggers.record.Redelivery;

/**
 * One delivery ({@code /console/delivery.xhtml?id=…}): what was sent where, every attempt with its status,
 * latency, error and (capped) response — the answer to "did it arrive, and if not, why?" — and, for an admin,
 * the button that sends it again.
 */
@Named
@RequestScoped
public class DeliveryBacking {

    @Inject
    DeliveryLog log;

    @Inject
    Redelivery redelivery;

    @Inject
    ConsoleUser user;

    private String id;
    private Delivery delivery;

    public void load() {
        delivery = id == null ? null : log.find(id).orElse(null);
    }

    /** Whether the delivery has finished, so sending it again makes sense. */
    public boolean isRedeliverable() {
        return delivery != null
                && (delivery.getState() == DeliveryState.SUCCEEDED
                        || delivery.getState() == DeliveryState.FAILED
                        || delivery.getState() == DeliveryState.DEAD);
    }

    public String redeliver() {
        if (!user.mayEdit()) {
            return null;
        }
        FacesContext faces = FacesContext.getCurrentInstance();
        String text = switch (redelivery.redeliver(id)) {
            case REDELIVERED -> "Delivery " + id + " will be sent again now, with the same webhook-id.";
            case NOT_FOUND -> "There is no delivery " + id + ".";
            case NOT_FINISHED ->
                "Delivery " + id + " is still under way (or its payload never rendered);"
                        + " it can be sent again once it has finished.";
        };
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
        faces.getExternalContext().getFlash().setKeepMessages(true);
        return "/console/delivery?faces-redirect=true&id=" + id;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public Delivery getDelivery() {
        return delivery;
    }
}
