package org.actiontriggers.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class SignalTest {

    @ParameterizedTest
    @EnumSource(Signal.class)
    void parsesTheDatFormAndTheEnumName(Signal signal) {
        assertThat(Signal.parse(signal.value())).isSameAs(signal);
        assertThat(Signal.parse(signal.name())).isSameAs(signal);
        assertThat(Signal.parse(" " + signal.value() + " ")).isSameAs(signal);
    }

    @Test
    void valueIsTheLowercaseDatForm() {
        assertThat(Signal.POST_SAVE.value()).isEqualTo("post_save");
        assertThat(Signal.PRE_DELETE.value()).isEqualTo("pre_delete");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"save", "post-save", "postsave", "post_update"})
    void rejectsUnknownSignalsListingTheAcceptedOnes(String text) {
        assertThatThrownBy(() -> Signal.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + text + "'")
                .hasMessageContaining("pre_save, post_save, pre_delete, post_delete");
    }
}
