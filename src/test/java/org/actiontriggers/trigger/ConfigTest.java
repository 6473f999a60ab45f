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

        assertThatThrownBy(() -> config.beforeWrite(null))
                .isInstanceOf(InvalidTemplateException.class)
                .hasMessageContaining("$.evil")
                .hasMessageNotContaining("$.ok");
    }

    @Test
    void aPlainTemplateIsSavedAndStamped() {
        Config config = new Config(
                Json.createObjectBuilder().add("name", "{{ customer.name }}").build(), true, List.of("Sale"));

        assertThatCode(() -> config.beforeWrite(null)).doesNotThrowAnyException();
        assertThat(config.getCreatedOn()).isNotNull();
    }

    @Test
    void aBadTemplateAlreadyStoredDoesNotBlockOtherChangesButReplacingItIsChecked() {
        Config stored = new Config();
        stored.setTextPayload("[[${T(java.lang.System).exit(0)}]]");
        String asStored = stored.getPayload();
        stored.setActive(false);

        assertThatCode(() -> stored.beforeWrite(asStored)).doesNotThrowAnyException();
        stored.setTextPayload("{{ quantity }} [[${new java.io.File('x')}]]");
        assertThatThrownBy(() -> stored.beforeWrite(asStored)).isInstanceOf(InvalidTemplateException.class);
    }
}
