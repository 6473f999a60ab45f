package org.actiontriggers.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SignInThrottlingTest {

    private final Map<String, String> raw = new HashMap<>();

    private SignInThrottling read() {
        return SignInThrottling.read(key -> Optional.ofNullable(raw.get(key)));
    }

    @Test
    void withoutSettingsTheDefaultsHold() {
        assertThat(read()).isEqualTo(SignInThrottling.DEFAULTS);
        assertThat(read().freeFailures()).isEqualTo(5);
        assertThat(read().maxLockout()).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void everySettingIsRead() {
        raw.put(SignInThrottling.FREE_FAILURES, "3");
        raw.put(SignInThrottling.FREE_FAILURES_PER_ADDRESS, "10");
        raw.put(SignInThrottling.FREE_FAILURES_PER_ACCOUNT, "30");
        raw.put(SignInThrottling.FIRST_LOCKOUT, "500ms");
        raw.put(SignInThrottling.MAX_LOCKOUT, "1h");
        raw.put(SignInThrottling.FORGET_AFTER, "1d");

        assertThat(read())
                .isEqualTo(new SignInThrottling(
                        3, 10, 30, Duration.ofMillis(500), Duration.ofHours(1), Duration.ofDays(1)));
    }

    @Test
    void everyMalformedSettingIsNamed() {
        raw.put(SignInThrottling.FREE_FAILURES, "0");
        raw.put(SignInThrottling.FREE_FAILURES_PER_ADDRESS, "many");
        raw.put(SignInThrottling.FIRST_LOCKOUT, "soon");
        raw.put(SignInThrottling.MAX_LOCKOUT, "0s");

        InvalidSettingsException e = catchThrowableOfType(this::read, InvalidSettingsException.class);

        assertThat(e.problems())
                .containsExactly(
                        "action-triggers.sign-in.free-failures: '0' is not a whole number from 1 to 1000000",
                        "action-triggers.sign-in.free-failures-per-address: 'many' is not a whole number from 1 to"
                                + " 1000000",
                        "action-triggers.sign-in.first-lockout: 'soon' is not a duration; write e.g. 250ms, 5s, 5m,"
                                + " 2h or 1d",
                        "action-triggers.sign-in.max-lockout: must be longer than zero");
    }

    @Test
    void theLocksMustFitTogether() {
        raw.put(SignInThrottling.FIRST_LOCKOUT, "1m");
        raw.put(SignInThrottling.MAX_LOCKOUT, "30s");
        assertThat(catchThrowableOfType(this::read, InvalidSettingsException.class)
                        .problems())
                .containsExactly("action-triggers.sign-in.max-lockout (30000 ms) must not be shorter than"
                        + " action-triggers.sign-in.first-lockout (60000 ms)");

        raw.put(SignInThrottling.MAX_LOCKOUT, "2h");
        assertThat(catchThrowableOfType(this::read, InvalidSettingsException.class)
                        .problems())
                .containsExactly("action-triggers.sign-in.forget-after (3600000 ms) must not be shorter than"
                        + " action-triggers.sign-in.max-lockout (7200000 ms): a lock would outlive the failures it"
                        + " counts");
    }
}
