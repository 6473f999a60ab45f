package org.actiontriggers.console;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import org.actiontriggers.access.Caller;

/**
 * Who is using the console and whether they may change things. Pages hide the changing controls from a
 * viewer, and every changing action asks {@link #mayEdit()} on the server too, so a hidden button is never
 * the only guard.
 */
@Named
@RequestScoped
public class ConsoleUser {

    @Inject
    Caller caller;

    public String getName() {
        var principal = FacesContext.getCurrentInstance().getExternalContext().getUserPrincipal();
        return principal == null ? "" : principal.getName();
    }

    /** Whether the caller has the admin role (see {@link Caller}); asked several times per page. */
    public boolean isAdmin() {
        return caller.grantOf((HttpServletRequest)
                        FacesContext.getCurrentInstance().getExternalContext().getRequest())
                .mayChange();
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
