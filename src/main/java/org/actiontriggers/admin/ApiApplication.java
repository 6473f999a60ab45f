package org.actiontriggers.admin;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/**
 * The admin API's own JAX-RS application, at {@code /action-triggers/api}. A host moves it with a {@code
 * servlet-mapping} for the servlet named after this class in its {@code web.xml}, which wins over the path here
 * (Jakarta REST 3.1, 2.3.2). It names its classes, so it serves nothing of the host's and no provider of the
 * host's changes its answers.
 *
 * <p>(Mapping it only from the library's {@code web-fragment.xml}, without a path here, does not work: Payara
 * takes a servlet declared there without a class for a JSP, and Jersey cannot start it.)
 */
@ApplicationPath("action-triggers/api")
public class ApiApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(
                ActionTriggersResource.class,
                DeliveriesResource.class,
                WebhooksResource.class,
                DestinationsResource.class,
                DestinationFiguresResource.class,
                TestEventResource.class,
                SecretKeysResource.class,
                MergePatchAsJson.class,
                ApiAccessFilter.class,
                ApiResponseHeaders.class,
                ProblemResponses.class);
    }
}
