package org.actiontriggers.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The snapshot's derived forms: its template model and its shallow form. */
class EntitySnapshotTest {

    private final EntitySnapshot ada = new EntitySnapshot("Customer", 1L, Map.of("name", "Ada"), true);

    @Test
    void theShallowFormKeepsReferencedEntitiesByTypeAndIdAlsoInListsAndMaps() {
        EntitySnapshot sale = new EntitySnapshot(
                "Sale",
                7L,
                Map.of("status", "new", "customer", ada, "watchers", List.of(ada), "byRole", Map.of("buyer", ada)),
                true);

        EntitySnapshot shallow = sale.shallow();

        EntitySnapshot reference = EntitySnapshot.reference("Customer", 1L);
        assertThat(shallow.properties())
                .containsEntry("status", "new")
                .containsEntry("customer", reference)
                .containsEntry("watchers", List.of(reference))
                .containsEntry("byRole", Map.of("buyer", reference));
        assertThat(shallow.id()).isEqualTo(7L);
        assertThat(shallow.complete()).isTrue();
    }

    @Test
    void aSnapshotWithoutReadReferencesIsItsOwnShallowForm() {
        EntitySnapshot sale = new EntitySnapshot(
                "Sale", 7L, Map.of("status", "new", "customer", EntitySnapshot.reference("Customer", 1L)), true);

        assertThat(sale.shallow()).isSameAs(sale);
    }

    @Test
    void theTemplateModelIsBuiltOnceAndCannotBeChanged() {
        EntitySnapshot sale = new EntitySnapshot("Sale", 7L, Map.of("customer", ada), true);

        Map<String, Object> model = sale.asTemplateModel();

        assertThat(sale.asTemplateModel()).isSameAs(model);
        assertThat(model).containsEntry("id", 7L).containsEntry("customer", Map.of("id", 1L, "name", "Ada"));
        assertThatThrownBy(() -> model.put("id", 8L)).isInstanceOf(UnsupportedOperationException.class);
    }
}
