package org.actiontriggers.console;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;

/**
 * Who is using the console and whether they may change things. Pages hide the changing controls from a
 * viewer, and every changing action asks {@link #mayEdit()} on the server too, so a hidden button is never
 * the only guard.
 */
@Named
@RequestScoped
public class ConsoleUser {

    static final String ADMIN_ROLE = "action-triggers-admin";

    public String getName() {
        var principal = FacesContext.getCurrentInstance().getExternalContext().getUserPrincipal();
        return principal == null ? "" : principal.getName();
    }

    public boolean isAdmin() {
        return FacesContext.getCurrentInstance().getExternalContext().isUserInRole(ADMIN_ROLE);
    }

    public String getRole() {
        return isAdmin() ? "admin" : "viewer";
    }

    /** Whether the caller may change things; when not, says so on the page. */
    boolean mayEdit() {
        if (isAdmin()) {
            return true;
        }
        FacesContext.getCurrentInstance()
                .addMessage(
                        null,
                        new FacesMessage(
                                FacesMessage.SEVERITY_ERROR,
                                "Your role may only read: changes need an administrator.",
                                null));
        return false;
    }
}
