package org.actiontriggers.deliver;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.inject.Inject;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.actiontriggers.settings.Settings;
import org.actiontriggers.settings.TriggerSettings;
import org.actiontriggers.template.References;
import org.actiontriggers.template.References.Reference;

/**
 * Resolves {@code {{ fully.qualified.Class.member }}} in header values at send time — the Java form of
 * Django Action Triggers' dynamic imports — so that secrets such as API keys need not be stored.
 *
 * <p>Only paths listed in {@code action-triggers.allowed-dynamic-import-paths} are resolved. A path may name
 * a public static no-arg method, a public static field, or a public no-arg method of a CDI bean. Resolved
 * values are never stored or logged.
 */
@ApplicationScoped
public class DynamicValueResolver {

    @Inject
    TriggerSettings settings;

    private final Map<String, Supplier<Object>> accessors = new ConcurrentHashMap<>();

    /** The headers with every reference replaced by its current value. */
    public Map<String, String> resolveHeaders(Map<String, String> templates) throws DynamicValueException {
        Map<String, String> resolved = new LinkedHashMap<>();
        for (Map.Entry<String, String> header : templates.entrySet()) {
            resolved.put(header.getKey(), resolve(header.getValue()));
        }
        return resolved;
    }

    /** One value with every reference replaced. */
    public String resolve(String template) throws DynamicValueException {
        if (template == null || !template.contains("{{")) {
            return template;
        }
        StringBuilder out = new StringBuilder();
        int literalStart = 0;
        for (Reference reference : References.in(template)) {
            Optional<String> path = reference.memberPath();
            if (path.isPresent()) {
                out.append(template, literalStart, reference.start()).append(valueOf(path.get()));
                literalStart = reference.end();
            }
        }
        return out.append(template, literalStart, template.length()).toString();
    }

    private Object valueOf(String path) throws DynamicValueException {
        if (!settings.current().isAllowedDynamicImportPath(path)) {
            throw new DynamicValueException(
                    "dynamic path '" + path + "' is not in " + Settings.ALLOWED_DYNAMIC_IMPORT_PATHS, true);
        }
        Supplier<Object> accessor = accessors.get(path);
        if (accessor == null) {
            accessor = accessorFor(path);
            accessors.put(path, accessor);
        }
        try {
            return accessor.get();
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() instanceof InvocationTargetException ite ? ite.getCause() : e;
            throw new DynamicValueException(
                    "dynamic path '" + path + "' threw "
                            + (cause == null ? e : cause).getClass().getName(),
                    false);
        }
    }

    private static Supplier<Object> accessorFor(String path) throws DynamicValueException {
        int dot = path.lastIndexOf('.');
        String className = path.substring(0, dot);
        String member = path.substring(dot + 1);
        Class<?> type;
        try {
            type = Class.forName(className, true, Thread.currentThread().getContextClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new DynamicValueException("dynamic path '" + path + "': class " + className + " not found", true);
        }
        try {
            Method method = type.getMethod(member);
            if (Modifier.isStatic(method.getModifiers())) {
                return () -> invoke(method, null);
            }
            return () -> invoke(method, CDI.current().select(type).get());
        } catch (NoSuchMethodException notAMethod) {
            try {
                Field field = type.getField(member);
                if (Modifier.isStatic(field.getModifiers())) {
                    return () -> read(field);
                }
            } catch (NoSuchFieldException notAField) {
                // reported below
            }
        }
        throw new DynamicValueException(
                "dynamic path '" + path + "' is not a public static no-arg method, public"
                        + " static field, or public no-arg method of a CDI bean",
                true);
    }

    private static Object invoke(Method method, Object target) {
        try {
            return method.invoke(target);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object read(Field field) {
        try {
            return field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
