package org.actiontriggers.admin;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.function.Function;
import org.actiontriggers.trigger.Page;

/** The one shape of a paged answer: {@code {count, page, page_size, results}}, as Django REST framework's. */
final class PageDocuments {

    private PageDocuments() {}

    static <T> JsonObject toJson(Page<T> page, Function<T, JsonObject> item) {
        JsonArrayBuilder results = Json.createArrayBuilder();
        page.items().forEach(each -> results.add(item.apply(each)));
        return Json.createObjectBuilder()
                .add("count", page.total())
                .add("page", page.page())
                .add("page_size", page.size())
                .add("results", results)
                .build();
    }
}
