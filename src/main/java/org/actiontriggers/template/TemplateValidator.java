package org.actiontriggers.template;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The one check of a payload template: for whoever accepts one — the admin API, the console, for a clear
 * message —, for {@code Config} itself, which refuses to be saved with a bad template, and for the renderer,
 * which applies it again to every template it renders, so that a template written to the database behind
 * the application's back cannot do more than a validated one.
 *
 * <p>A template may only refer to values by dotted path; see {@link TemplateSyntax}. Stateless: inject it or
 * create it.
 */
@ApplicationScoped
public class TemplateValidator {

    /**
     * What is wrong with a config's payload template, one message per string that is refused, each naming
     * where it is ({@code $.customer_name}, {@code $.items[2]}); empty when the template is fine.
     *
     * @param template a JSON object whose string values are templates, a JSON string (a text template), or
     *     {@code null}
     */
    public List<String> problems(JsonValue template) {
        List<String> problems = new ArrayList<>();
        collect(template, "$", problems);
        return problems;
    }

    /** The problem with one text template, or {@code null} when it is fine. */
    public String problem(String template) {
        try {
            TemplateSyntax.parse(template);
            return null;
        } catch (InvalidTemplateException e) {
            return e.getMessage();
        }
    }

    private void collect(JsonValue value, String where, List<String> problems) {
        if (value == null) {
            return;
        }
        switch (value.getValueType()) {
            case OBJECT -> {
                for (Map.Entry<String, JsonValue> member : ((JsonObject) value).entrySet()) {
                    collect(member.getValue(), where + "." + member.getKey(), problems);
                }
            }
            case ARRAY -> {
                JsonArray array = (JsonArray) value;
                for (int i = 0; i < array.size(); i++) {
                    collect(array.get(i), where + "[" + i + "]", problems);
                }
            }
            case STRING -> {
                String problem = problem(((JsonString) value).getString());
                if (problem != null) {
                    problems.add(where + ": " + problem);
                }
            }
            default -> {}
        }
    }
}
