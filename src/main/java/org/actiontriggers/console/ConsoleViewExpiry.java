package org.actiontriggers.console;

import jakarta.faces.FacesException;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import java.io.IOException;
import java.util.Iterator;
import org.actiontriggers.access.Paths;

/**
 * A console form kept open past its view's life (the session expired, the server restarted) starts again from
 * the triggers page instead of ending in the server's error page. Registered in the library's {@code
 * META-INF/faces-config.xml} rather than as an error page in a descriptor, and it handles only our own views,
 * so the application's own Faces pages keep whatever handling they have.
 */
public class ConsoleViewExpiry extends ExceptionHandlerFactory {

    public ConsoleViewExpiry(ExceptionHandlerFactory wrapped) {
        super(wrapped);
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
        return new Handler(getWrapped().getExceptionHandler());
    }

    private static final class Handler extends ExceptionHandlerWrapper {

        Handler(ExceptionHandler wrapped) {
            super(wrapped);
        }

        @Override
        public void handle() {
            Iterator<ExceptionQueuedEvent> events =
                    getUnhandledExceptionQueuedEvents().iterator();
            while (events.hasNext()) {
                var context = events.next().getContext();
                if (context.getException() instanceof ViewExpiredException expired
                        && expired.getViewId() != null
                        && expired.getViewId().startsWith(Paths.CONSOLE)) {
                    FacesContext faces = context.getContext();
                    try {
                        faces.getExternalContext()
                                .redirect(faces.getExternalContext().getRequestContextPath() + Paths.CONSOLE
                                        + "index.xhtml");
                    } catch (IOException e) {
                        throw new FacesException(e);
                    }
                    faces.responseComplete();
                    events.remove();
                }
            }
            getWrapped().handle();
        }
    }
}
