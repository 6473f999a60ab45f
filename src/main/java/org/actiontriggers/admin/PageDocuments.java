package org.actiontriggers.admin;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import java.util.function.Function;
import org.actiontriggers.trigger.Page;

/** The one shape of a paged answer: {@code {count, page, page_size, results}}, as Django REST framework's. */
final class PageDocuments {

    /** Resolved once: every {@code Json.create…} call looks the provider up again through the class loader. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private PageDocuments() {}

    static <T> JsonObject toJson(Page<T> page, Function<T, JsonObject> item) {
        JsonArrayBuilder results = JSON.createArrayBuilder();
        page.items().forEach(each -> results.add(item.apply(each)));
        return JSON.createObjectBuilder()
                .add("count", page.total())
                .add("page", page.page())
                .add("page_size", page.size())
                .add("results", results)
                .build();
    }
}
