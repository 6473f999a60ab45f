package org.actiontriggers.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import java.util.List;
import org.actiontriggers.template.InvalidTemplateException;
import org.junit.jupiter.api.Test;

class ConfigTest {

    @Test
    void aConfigWithAnInjectionInItsTemplateCannotBeSaved() {
        Config config = new Config(
                Json.createObjectBuilder()
                        .add("ok", "{{ quantity }}")
                        .add("evil", "[[${T(java.lang.Runtime).getRuntime().exec('id')}]]")
                        .build(),
                true,
                List.of("Sale"));

        assertThatThrownBy(() -> config.beforeWrite(null, null))
                .isInstanceOf(InvalidTemplateException.class)
                .hasMessageContaining("$.evil")
                .hasMessageNotContaining("$.ok");
    }

    @Test
    void aPlainTemplateIsSavedAndStamped() {
        Config config = new Config(
                Json.createObjectBuilder().add("name", "{{ customer.name }}").build(), true, List.of("Sale"));

        assertThatCode(() -> config.beforeWrite(null, null)).doesNotThrowAnyException();
        assertThat(config.getCreatedOn()).isNotNull();
    }

    @Test
    void aBadTemplateAlreadyStoredDoesNotBlockOtherChangesButReplacingItIsChecked() {
        Config stored = new Config();
        stored.setTextPayload("[[${T(java.lang.System).exit(0)}]]");
        String asStored = stored.getPayload();
        stored.setActive(false);

        assertThatCode(() -> stored.beforeWrite(asStored, null)).doesNotThrowAnyException();
        stored.setTextPayload("{{ quantity }} [[${new java.io.File('x')}]]");
        assertThatThrownBy(() -> stored.beforeWrite(asStored, null)).isInstanceOf(InvalidTemplateException.class);
    }

    @Test
    void aConfigWithAMalformedConditionCannotBeSavedWhateverCodeSavesIt() {
        Config config = new Config(Json.createObjectBuilder().build(), true, List.of("Sale"));
        config.setCondition(Json.createObjectBuilder()
                .add("field", "T(java.lang.Runtime).getRuntime()")
                .add("equals", 1)
                .build());

        assertThatThrownBy(() -> config.beforeWrite(null, null))
                .isInstanceOf(org.actiontriggers.condition.InvalidConditionException.class)
                .hasMessageContaining("/condition/field");
        String stored = config.getCondition();
        assertThatCode(() -> config.beforeWrite(null, stored)).doesNotThrowAnyException();
        config.setCondition(
                Json.createObjectBuilder().add("field", "quantity").add("gt", 2).build());
        assertThatCode(() -> config.beforeWrite(null, stored)).doesNotThrowAnyException();
        assertThat(config.parsedCondition().fields()).hasSize(1);
    }
}
