package org.actiontriggers.console;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import org.actiontriggers.access.CsrfToken;

/**
 * The session's {@link CsrfToken} for the console's forms: each form carries it as a hidden field, {@code
 * <input type="hidden" name="#{consoleToken.parameter}" value="#{consoleToken.value}"/>}, and the console's
 * filter refuses a changing request without it.
 */
@Named
@RequestScoped
public class ConsoleToken {

    public String getParameter() {
        return CsrfToken.PARAMETER;
    }

    public String getValue() {
        return CsrfToken.of((HttpServletRequest)
                FacesContext.getCurrentInstance().getExternalContext().getRequest());
    }
}
