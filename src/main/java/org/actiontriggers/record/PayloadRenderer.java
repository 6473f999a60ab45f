package org.actiontriggers.record;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.actiontriggers.capture.EntityChange;
import org.actiontriggers.capture.EntitySnapshot;
import org.actiontriggers.template.InvalidTemplateException;
import org.actiontriggers.template.TemplateSyntax;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.StringTemplateResolver;

/**
 * Renders a config's payload template against a captured change, with Thymeleaf in TEXT mode.
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
 *       delete}), {@code created} (whether the save created the entity) and {@code model} (the entity name);
 *   <li>{@code previous}, on an update or delete, the entity as it was loaded or last flushed in the saving
 *       transaction ({@code {{ previous.status }}}; referenced entities by id only: {@code previous.customer.id}),
 *       missing on a create and when it was not seen; {@code changed_fields}, the names of the properties
 *       whose value differs from {@code previous} (an empty list without one).
 * </ul>
 *
 * <p><b>Sandbox.</b> Every template is parsed by {@link TemplateSyntax} before it is rendered — also one
 * that reached the database without passing the API — and may hold nothing but literal text and dotted-path
 * references. Each reference is looked up in the snapshot's plain maps and handed to Thymeleaf (TEXT mode) as
 * a variable of its own, so the engine assembles the text without ever evaluating more than a variable
 * name: a template can neither call a method, nor reach a class, a bean, the request or the environment,
 * and a value is never read back as template code.
 *
 * <p>Rendering happens once, when the delivery is recorded: every retry and redelivery then sends the same
 * bytes, which keeps receivers' deduplication simple.
 */
@ApplicationScoped
public class PayloadRenderer {

    private static final int MAX_CACHED_TEMPLATES = 1_000;

    private static final String LEFT_BRACKET = "__leftBracket";

    /** A template parsed (and so checked) once, with its Thymeleaf TEXT form. */
    private record Parsed(TemplateSyntax syntax, String thymeleaf) {}

    private final Map<String, Parsed> parsed = new ConcurrentHashMap<>();
    private final TemplateEngine engine = textEngine();

    /**
     * Renders the payload of one delivery.
     *
     * @param template the config's payload template: a JSON object, a JSON string, or {@code null}
     * @throws PayloadRenderingException when the template cannot be rendered, saying why
     */
    public RenderedPayload render(JsonValue template, EntityChange change) {
        try {
            if (template == null || template.getValueType() == JsonValue.ValueType.NULL) {
                return new RenderedPayload(JsonValues.fieldsOf(change).toString(), RenderedPayload.JSON);
            }
            Map<String, Object> variables = variables(change);
            if (template instanceof JsonString text) {
                return new RenderedPayload(renderText(parsedOf(text.getString()), variables), RenderedPayload.TEXT);
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
        variables.put(
                "previous", change.previous() == null ? null : change.previous().asTemplateModel());
        variables.put("changed_fields", change.changedFields());
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
        Parsed template = parsedOf(text);
        String path = template.syntax().wholePath();
        if (path != null) {
            return JsonValues.of(TemplateSyntax.valueAt(variables, path));
        }
        return JsonValues.JSON.createValue(renderText(template, variables));
    }

    private String renderText(Parsed template, Map<String, Object> variables) {
        List<String> paths = template.syntax().paths();
        if (paths.isEmpty()) {
            return template.syntax().literals().get(0);
        }
        Context context = new Context(Locale.ROOT);
        context.setVariable(LEFT_BRACKET, "[");
        for (int i = 0; i < paths.size(); i++) {
            context.setVariable(reference(i), TemplateSyntax.valueAt(variables, paths.get(i)));
        }
        return engine.process(template.thymeleaf(), context);
    }

    /** The parsed template; parsing is the sandbox check, so an unchecked template never renders. */
    private Parsed parsedOf(String template) {
        if (parsed.size() > MAX_CACHED_TEMPLATES) {
            parsed.clear();
        }
        Parsed result = parsed.get(template);
        if (result == null) {
            TemplateSyntax syntax = TemplateSyntax.parse(template);
            result = new Parsed(syntax, thymeleafText(syntax));
            parsed.put(template, result);
        }
        return result;
    }

    /**
     * The template in Thymeleaf TEXT syntax: the checked literals, and an unescaped inline expression over a
     * variable per reference. A literal {@code [} right before a reference goes through a variable too, so
     * that it cannot merge with the generated {@code [(} into Thymeleaf's {@code [[}.
     */
    static String thymeleafText(TemplateSyntax syntax) {
        StringBuilder out = new StringBuilder();
        List<String> literals = syntax.literals();
        for (int i = 0; i < syntax.paths().size(); i++) {
            String literal = literals.get(i);
            int brackets = 0;
            while (literal.endsWith("[")) {
                literal = literal.substring(0, literal.length() - 1);
                brackets++;
            }
            out.append(literal)
                    .append(("[(${" + LEFT_BRACKET + "})]").repeat(brackets))
                    .append("[(${")
                    .append(reference(i))
                    .append("})]");
        }
        return out.append(literals.get(literals.size() - 1)).toString();
    }

    private static String reference(int index) {
        return "__reference" + index;
    }

    private static TemplateEngine textEngine() {
        StringTemplateResolver resolver = new StringTemplateResolver();
        resolver.setTemplateMode(TemplateMode.TEXT);
        resolver.setCacheable(true);
        TemplateEngine engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }
}
