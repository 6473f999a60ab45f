package org.actiontriggers.console;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.actiontriggers.outbox.Delivery;
import org.actiontriggers.outbox.DeliveryLog;
import org.actiontriggers.outbox.DeliveryState;
import org.actiontriggers.outbox.Redelivery;

/**
 * One delivery ({@code /action-triggers/console/delivery.xhtml?id=…}): what was sent where, every attempt with its status,
 * latency, error and (capped) response — the answer to "did it arrive, and if not, why?" — and, for an admin,
 * the button that sends it again. View-scoped, so that the button, shown only for a finished delivery, is
 * still there when its click is decoded.
 */
@Named
@ViewScoped
public class DeliveryBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    DeliveryLog log;

    @Inject
    Redelivery redelivery;

    @Inject
    ConsoleUser user;

    private String id;
    private transient Delivery delivery;

    /** Whether the delivery has finished, so sending it again makes sense. */
    public boolean isRedeliverable() {
        Delivery d = getDelivery();
        return d != null
                && (d.getState() == DeliveryState.SUCCEEDED
                        || d.getState() == DeliveryState.FAILED
                        || d.getState() == DeliveryState.DEAD);
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
        return "/action-triggers/console/delivery?faces-redirect=true&id=" + id;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        if (id != null && !id.equals(this.id)) {
            delivery = null;
        }
        this.id = id;
    }

    public Delivery getDelivery() {
        if (delivery == null && id != null) {
            delivery = log.find(id).orElse(null);
        }
        return delivery;
    }
}
