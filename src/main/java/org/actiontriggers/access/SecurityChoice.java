package org.actiontriggers.access;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.Annotated;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.ProcessBeanAttributes;
import jakarta.enterprise.inject.spi.WithAnnotations;
import jakarta.security.enterprise.authentication.mechanism.http.BasicAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.CustomFormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.FormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.OpenIdAuthenticationMechanismDefinition;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.actiontriggers.settings.InvalidSettingsException;
import org.actiontriggers.settings.SignInThrottling;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Decides, while the container discovers beans, whose Jakarta Security mechanism signs callers in: Jakarta
 * Security allows one per application. When the host application brings its own — a bean implementing
 * {@link HttpAuthenticationMechanism}, or one of the standard mechanism definitions on a bean — the built-in
 * mechanism and its identity store are vetoed, so the host's sign-in keeps working unchanged and our roles come
 * from the host's groups; otherwise the built-in ones stay. {@value AccessSettings#SECURITY} overrides the
 * guess. Every {@code ProcessAnnotatedType} fires before the first {@code ProcessBeanAttributes}, so the
 * whole application has been seen when the veto is decided.
 */
public class SecurityChoice implements Extension {

    private static final Logger LOG = Logger.getLogger(SecurityChoice.class.getName());
    private static final Set<Class<?>> BUILT_IN = Set.of(AdminAuthenticationMechanism.class, AdminIdentityStore.class);

    private volatile String hostMechanism;
    private volatile Boolean builtIn;
    private volatile InvalidSettingsException invalid;

    void mechanismBean(@Observes ProcessAnnotatedType<? extends HttpAuthenticationMechanism> type) {
        Class<?> found = type.getAnnotatedType().getJavaClass();
        if (!BUILT_IN.contains(found) && !found.isInterface() && ofTheApplication(found)) {
            hostMechanism = found.getName();
        }
    }

    void mechanismDefinition(
            @Observes
                    @WithAnnotations({
                        BasicAuthenticationMechanismDefinition.class,
                        FormAuthenticationMechanismDefinition.class,
                        CustomFormAuthenticationMechanismDefinition.class,
                        OpenIdAuthenticationMechanismDefinition.class
                    })
                    ProcessAnnotatedType<?> type) {
        Annotated annotated = type.getAnnotatedType();
        if (!ofTheApplication(type.getAnnotatedType().getJavaClass())) {
            return;
        }
        if (annotated.isAnnotationPresent(BasicAuthenticationMechanismDefinition.class)
                || annotated.isAnnotationPresent(FormAuthenticationMechanismDefinition.class)
                || annotated.isAnnotationPresent(CustomFormAuthenticationMechanismDefinition.class)
                || annotated.isAnnotationPresent(OpenIdAuthenticationMechanismDefinition.class)) {
            hostMechanism = type.getAnnotatedType().getJavaClass().getName();
        }
    }

    /**
     * Whether a class is the application's own, from its WAR (where this library's jar is too), rather than
     * the server's: a server may present its own security beans to the extension.
     */
    private static boolean ofTheApplication(Class<?> type) {
        return type.getClassLoader() == SecurityChoice.class.getClassLoader();
    }

    void vetoBuiltInWhenTheHostSignsIn(@Observes ProcessBeanAttributes<?> bean) {
        if (bean.getAnnotated() instanceof jakarta.enterprise.inject.spi.AnnotatedType<?> type
                && BUILT_IN.contains(type.getJavaClass())
                && !builtIn()) {
            bean.veto();
        }
    }

    void reportInvalidSetting(@Observes AfterBeanDiscovery done) {
        builtIn();
        if (invalid != null) {
            done.addDefinitionError(invalid);
        }
    }

    /** Whether the built-in mechanism signs callers in (decided once, on first ask). */
    public boolean builtIn() {
        Boolean decided = builtIn;
        if (decided == null) {
            synchronized (this) {
                if (builtIn == null) {
                    builtIn = decide();
                }
                decided = builtIn;
            }
        }
        return decided;
    }

    private boolean decide() {
        AccessSettings.Mode mode;
        try {
            var config = ConfigProvider.getConfig();
            mode = AccessSettings.read(key -> config.getOptionalValue(key, String.class))
                    .mode();
            // checked here too, so a malformed throttle setting stops the deployment rather than the first sign-in
            SignInThrottling.read(key -> config.getOptionalValue(key, String.class));
        } catch (InvalidSettingsException e) {
            invalid = e;
            return false;
        }
        String host = hostMechanism;
        boolean chosen = switch (mode) {
            case BUILT_IN -> true;
            case HOST -> false;
            case AUTO -> host == null;
        };
        if (chosen && host != null) {
            LOG.warning(() -> AccessSettings.SECURITY + "=built-in, although the application has its own"
                    + " authentication mechanism (" + host + "); Jakarta Security allows only one");
        }
        LOG.info(() -> chosen
                ? "Action Triggers signs callers in with its built-in mechanism"
                : "Action Triggers uses the application's own sign-in"
                        + Optional.ofNullable(host).map(h -> " (" + h + ")").orElse("")
                        + "; its roles come from the application's groups");
        return chosen;
    }
}
