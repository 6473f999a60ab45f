package org.actiontriggers.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.actiontriggers.settings.SignInThrottling;
import org.junit.jupiter.api.Test;

class FailedSignInsTest {

    private static final String ATTACKER = "203.0.113.9";
    private static final String ADMIN_DESK = "198.51.100.4";

    /** 3 per account and address, 6 per address, 8 per account; 1 s doubling to 8 s; forgotten after 1 min. */
    private final SignInThrottling settings =
            new SignInThrottling(3, 6, 8, Duration.ofSeconds(1), Duration.ofSeconds(8), Duration.ofMinutes(1));

    private final MutableClock clock = new MutableClock();
    private final FailedSignIns signIns = new FailedSignIns(settings, clock);

    @Test
    void theFreeFailuresPassThenEachFurtherOneLocksTwiceAsLongUpToTheMaximum() {
        for (int i = 0; i < 3; i++) {
            assertThat(signIns.wait("admin", ATTACKER)).isEmpty();
            assertThat(signIns.failed("admin", ATTACKER).lockedFor()).isEmpty();
        }
        assertThat(signIns.failed("admin", ATTACKER).lockedFor()).contains(Duration.ofSeconds(1));
        clock.advance(Duration.ofMillis(400));
        assertThat(signIns.wait("admin", ATTACKER)).contains(Duration.ofMillis(600));
        clock.advance(Duration.ofMillis(600));
        assertThat(signIns.wait("admin", ATTACKER)).isEmpty();
        assertThat(signIns.failed("admin", ATTACKER).lockedFor()).contains(Duration.ofSeconds(2));
        clock.advance(Duration.ofSeconds(2));
        assertThat(signIns.failed("admin", ATTACKER).lockedFor()).contains(Duration.ofSeconds(4));

        assertThat(signIns.lockout(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(signIns.lockout(4)).isEqualTo(Duration.ofSeconds(8));
        assertThat(signIns.lockout(40)).isEqualTo(Duration.ofSeconds(8));
    }

    @Test
    void guessesFromOneAddressDoNotLockTheAccountFromAnother() {
        signIns.succeeded("admin", ADMIN_DESK);
        for (int i = 0; i < 5; i++) {
            signIns.failed("admin", ATTACKER);
            clock.advance(Duration.ofSeconds(9));
        }
        signIns.failed("admin", ATTACKER);
        assertThat(signIns.wait("admin", ATTACKER)).isPresent();
        assertThat(signIns.wait("admin", ADMIN_DESK)).isEmpty();
        assertThat(signIns.wait("admin", "192.0.2.77")).isEmpty();
    }

    @Test
    void oneAddressTryingManyAccountsIsLockedForAllOfThem() {
        for (int i = 0; i < 7; i++) {
            signIns.failed("user" + i, ATTACKER);
        }
        assertThat(signIns.wait("admin", ATTACKER)).contains(Duration.ofSeconds(1));
        assertThat(signIns.wait("admin", ADMIN_DESK)).isEmpty();
    }

    @Test
    void guessesFromManyAddressesLockTheAccountOnlyWhereItNeverSignedIn() {
        signIns.succeeded("admin", ADMIN_DESK);
        for (int i = 0; i < 9; i++) {
            signIns.failed("admin", "203.0.113." + i);
        }
        assertThat(signIns.wait("admin", "192.0.2.1")).contains(Duration.ofSeconds(1));
        assertThat(signIns.wait("admin", ADMIN_DESK))
                .as("an address the admin signed in from")
                .isEmpty();
        assertThat(signIns.wait("viewer", "192.0.2.1")).isEmpty();
    }

    @Test
    void unknownUserNamesAreCountedAsOneAccountButEachFromItsAddress() {
        for (int i = 0; i < 6; i++) {
            assertThat(signIns.failed("nobody-" + i, ":unknown", "192.0.2." + i).lockedFor())
                    .isEmpty();
        }
        assertThat(signIns.failed("nobody-6", ":unknown", "192.0.2.6").lockedFor())
                .isEmpty();
        assertThat(signIns.failed("nobody-7", ":unknown", "192.0.2.7").lockedFor())
                .isEmpty();
        // the ninth unknown name, wherever it comes from, is beyond the shared count's 8 free failures
        assertThat(signIns.failed("nobody-8", ":unknown", "192.0.2.8").lockedFor())
                .contains(Duration.ofSeconds(1));
        assertThat(signIns.wait("someone-else", ":unknown", "192.0.2.99")).isPresent();
        assertThat(signIns.wait("admin", "192.0.2.8")).isEmpty();
    }

    @Test
    void aSuccessClearsTheCountOfItsAccountAndAddressOnly() {
        signIns.failed("admin", ADMIN_DESK);
        signIns.failed("admin", ADMIN_DESK);
        signIns.failed("admin", ADMIN_DESK);
        signIns.succeeded("admin", ADMIN_DESK);
        assertThat(signIns.failed("admin", ADMIN_DESK).failuresOfAccountFromAddress())
                .isEqualTo(1);
        assertThat(signIns.failed("admin", ADMIN_DESK).lockedFor()).isEmpty();
    }

    @Test
    void failuresAreForgottenAfterAQuietPeriod() {
        for (int i = 0; i < 4; i++) {
            signIns.failed("admin", ATTACKER);
        }
        assertThat(signIns.wait("admin", ATTACKER)).isPresent();
        assertThat(signIns.lockedNow()).isEqualTo(1);
        clock.advance(Duration.ofMinutes(1));
        assertThat(signIns.wait("admin", ATTACKER)).isEmpty();
        assertThat(signIns.lockedNow()).isZero();
        assertThat(signIns.failed("admin", ATTACKER).failuresOfAccountFromAddress())
                .isEqualTo(1);
    }

    @Test
    void aLockedAttemptIsNotCounted() {
        for (int i = 0; i < 4; i++) {
            signIns.failed("admin", ATTACKER);
        }
        Optional<Duration> wait = signIns.wait("admin", ATTACKER);
        for (int i = 0; i < 100; i++) {
            assertThat(signIns.wait("admin", ATTACKER)).isEqualTo(wait);
        }
    }

    @Test
    void aUserNameIsLoggedPrintableAndShort() {
        assertThat(SignInThrottle.printable("admin\r\nFAKE LOG LINE")).isEqualTo("admin??FAKE LOG LINE");
        assertThat(SignInThrottle.printable("x".repeat(100))).hasSize(65);
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-11-30T12:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
