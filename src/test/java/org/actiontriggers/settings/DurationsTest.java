package org.actiontriggers.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

    @Test
    void parsesEveryUnit() {
        assertThat(Durations.parse("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(Durations.parse("5s")).isEqualTo(Duration.ofSeconds(5));
        assertThat(Durations.parse("5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(Durations.parse("2h")).isEqualTo(Duration.ofHours(2));
        assertThat(Durations.parse("1d")).isEqualTo(Duration.ofDays(1));
    }

    @Test
    void bareNumberMeansSeconds() {
        assertThat(Durations.parse("1.5")).isEqualTo(Duration.ofMillis(1500));
        assertThat(Durations.parse("0")).isEqualTo(Duration.ZERO);
    }

    @Test
    void toleratesSpacesAndCase() {
        assertThat(Durations.parse(" 5 S ")).isEqualTo(Duration.ofSeconds(5));
        assertThat(Durations.parse("0.5h")).isEqualTo(Duration.ofMinutes(30));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"abc", "5 minutes", "-5s", "5x", "1e3", ".5s", "5s5"})
    void rejectsWhatIsNotADuration(String text) {
        assertThatThrownBy(() -> Durations.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + text + "' is not a duration")
                .hasMessageContaining("250ms, 5s, 5m, 2h or 1d");
    }

    @Test
    void ofSecondsRoundsToTheMillisecond() {
        assertThat(Durations.ofSeconds(0.0004)).isEqualTo(Duration.ZERO);
        assertThat(Durations.ofSeconds(1.2345)).isEqualTo(Duration.ofMillis(1235));
    }
}
