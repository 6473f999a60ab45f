package org.actiontriggers.record;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.actiontriggers.capture.EntityChange;
import org.actiontriggers.capture.EntitySnapshot;
import org.actiontriggers.config.InvalidTemplateException;
import org.actiontriggers.config.TemplateSyntax;
import org.actiontriggers.config.TemplateValidator;

/**
 * Renders a config's payload template against a captured change.
 *
 * <p>A JSON payload template is rendered value by value and assembled with JSON-P, so the body is valid
 * JSON whatever the data holds (quotes, backslashes, newlines, emoji, null) and nothing is HTML-escaped. A
 * string value that is a single reference to a value — {@code "{{ quantity }}"} or {@code "[[${quantity}]]"}
 * — keeps its type: it renders as the number {@code 3}, a missing value as {@code null}; anything else in a
 * string renders as text. The templates see:
 *
 * <ul>
 *   <li>the entity's properties at top level — the seed page's {@code {{ customer.name }}};
 *   <li>{@code instance}, the whole entity — Django Action Triggers' {@code {{ instance.customer.name }}} and
 *       Thymeleaf's spelling {@code [[${instance.customer.name}]]};
 *   <li>{@code signal} ({@code post_save}…), {@code operation} ({@code create}, {@code update}, {@code
 *       delete}), {@code created} (whether the save created the entity) and {@code model} (the entity name).
 * </ul>
 *
 * <p><b>Sandbox.</b> No expression language runs: a reference is a dotted path looked up in the snapshot's
 * plain maps ({@link TemplateSyntax}), and every template is checked by {@link TemplateValidator} before it
 * is rendered — also one that reached the database without passing the API — so a template can neither call
 * a method, nor reach a class, a bean, the request or the environment.
 *
 * <p>Rendering happens once, when the delivery is recorded: every retry and redelivery then sends the same
 * bytes, which keeps receivers' deduplication simple.
 */
@ApplicationScoped
public class PayloadRenderer {

    private static final int MAX_CACHED_TEMPLATES = 1_000;

    private final Map<String, TemplateSyntax> parsed = new ConcurrentHashMap<>();

    /**
     * Renders the payload of one delivery.
     *
     * @param template the config's payload template: a JSON object, a JSON string, or {@code null}
     * @throws PayloadRenderingException when the template cannot be rendered, saying why
     */
    public RenderedPayload render(JsonValue template, EntityChange change) {
        try {
            if (template == null || template.getValueType() == JsonValue.ValueType.NULL) {
                return new RenderedPayload(
                        JsonValues.fieldsOf(change.snapshot()).toString(), RenderedPayload.JSON);
            }
            Map<String, Object> variables = variables(change);
            if (template instanceof JsonString text) {
                return new RenderedPayload(syntaxOf(text.getString()).render(variables), RenderedPayload.TEXT);
            }
            return new RenderedPayload(renderJson(template, variables).toString(), RenderedPayload.JSON);
        } catch (InvalidTemplateException e) {
            throw new PayloadRenderingException("template refused: " + e.getMessage(), e);
        } catch (PayloadRenderingException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new PayloadRenderingException(e.getMessage() == null ? e.toString() : e.getMessage(), e);
        }
    }
    /** The names a template can use; see the class description. */
    static Map<String, Object> variables(EntityChange change) {
        EntitySnapshot snapshot = change.snapshot();
        Map<String, Object> instance = snapshot.asTemplateModel();
        Map<String, Object> variables = new HashMap<>(instance);
        variables.put("instance", instance);
        variables.put("signal", change.signal().value());
        variables.put("operation", change.operation().name().toLowerCase(Locale.ROOT));
        variables.put("created", change.operation() == EntityChange.Operation.CREATE);
        variables.put("model", snapshot.entityType());
        return variables;
    }

    private JsonValue renderJson(JsonValue template, Map<String, Object> variables) {
        switch (template.getValueType()) {
            case OBJECT -> {
                JsonObjectBuilder object = JsonValues.JSON.createObjectBuilder();
                ((JsonObject) template).forEach((name, value) -> object.add(name, renderJson(value, variables)));
                return object.build();
            }
            case ARRAY -> {
                JsonArrayBuilder array = JsonValues.JSON.createArrayBuilder();
                ((JsonArray) template).forEach(value -> array.add(renderJson(value, variables)));
                return array.build();
            }
            case STRING -> {
                return renderJsonString(((JsonString) template).getString(), variables);
            }
            default -> {
                return template;
            }
        }
    }

    private JsonValue renderJsonString(String text, Map<String, Object> variables) {
        TemplateSyntax syntax = syntaxOf(text);
        String path = syntax.wholePath();
        if (path != null) {
            return JsonValues.of(TemplateSyntax.valueAt(variables, path));
        }
        return JsonValues.JSON.createValue(syntax.render(variables));
    }

    /** The parsed template; parsing is the sandbox check, so an unchecked template never renders. */
    private TemplateSyntax syntaxOf(String template) {
        if (parsed.size() > MAX_CACHED_TEMPLATES) {
            parsed.clear();
        }
        TemplateSyntax syntax = parsed.get(template);
        if (syntax == null) {
            syntax = TemplateSyntax.parse(template);
            parsed.put(template, syntax);
        }
        return syntax;
    }
}
