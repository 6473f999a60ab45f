package org.actiontriggers.settings;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * How failed sign-ins of the built-in mechanism (console form and API Basic alike) are slowed down.
 *
 * <p>Counted per account <em>from one client address</em>, per client address over all accounts, and per
 * account over all addresses; after the free failures of a count, each further failure locks that count for
 * twice as long as the previous one, from {@value #FIRST_LOCKOUT} up to {@value #MAX_LOCKOUT}. The
 * account-wide lock never applies to an address the account signed in from successfully, so an attacker
 * elsewhere cannot lock the real admin out. Failures are forgotten after {@value #FORGET_AFTER} without a new
 * one.
 *
 * @param freeFailures {@value #FREE_FAILURES}: failures of one account from one address before it is locked
 * @param freeFailuresPerAddress {@value #FREE_FAILURES_PER_ADDRESS}: failures from one address, any account
 * @param freeFailuresPerAccount {@value #FREE_FAILURES_PER_ACCOUNT}: failures of one account, any address
 * @param firstLockout {@value #FIRST_LOCKOUT}: the first lock's length
 * @param maxLockout {@value #MAX_LOCKOUT}: the longest lock
 * @param forgetAfter {@value #FORGET_AFTER}: a count without a new failure for this long starts again
 */
public record SignInThrottling(
        int freeFailures,
        int freeFailuresPerAddress,
        int freeFailuresPerAccount,
        Duration firstLockout,
        Duration maxLockout,
        Duration forgetAfter) {

    public static final String FREE_FAILURES = Settings.PREFIX + "sign-in.free-failures";
    public static final String FREE_FAILURES_PER_ADDRESS = Settings.PREFIX + "sign-in.free-failures-per-address";
    public static final String FREE_FAILURES_PER_ACCOUNT = Settings.PREFIX + "sign-in.free-failures-per-account";
    public static final String FIRST_LOCKOUT = Settings.PREFIX + "sign-in.first-lockout";
    public static final String MAX_LOCKOUT = Settings.PREFIX + "sign-in.max-lockout";
    public static final String FORGET_AFTER = Settings.PREFIX + "sign-in.forget-after";

    /** The defaults: 5 per account and address, 20 per address, 50 per account; 1 s doubling to 15 min. */
    public static final SignInThrottling DEFAULTS =
            new SignInThrottling(5, 20, 50, Duration.ofSeconds(1), Duration.ofMinutes(15), Duration.ofHours(1));

    /**
     * Reads the settings, each defaulting as {@link #DEFAULTS}.
     *
     * @throws InvalidSettingsException naming each malformed key
     */
    public static SignInThrottling read(Function<String, Optional<String>> lookup) {
        List<String> errors = new ArrayList<>();
        int free = count(lookup, FREE_FAILURES, DEFAULTS.freeFailures, errors);
        int perAddress = count(lookup, FREE_FAILURES_PER_ADDRESS, DEFAULTS.freeFailuresPerAddress, errors);
        int perAccount = count(lookup, FREE_FAILURES_PER_ACCOUNT, DEFAULTS.freeFailuresPerAccount, errors);
        Duration first = duration(lookup, FIRST_LOCKOUT, DEFAULTS.firstLockout, errors);
        Duration max = duration(lookup, MAX_LOCKOUT, DEFAULTS.maxLockout, errors);
        Duration forget = duration(lookup, FORGET_AFTER, DEFAULTS.forgetAfter, errors);
        if (errors.isEmpty() && max.compareTo(first) < 0) {
            errors.add(MAX_LOCKOUT + " (" + max.toMillis() + " ms) must not be shorter than " + FIRST_LOCKOUT + " ("
                    + first.toMillis() + " ms)");
        }
        if (errors.isEmpty() && forget.compareTo(max) < 0) {
            errors.add(FORGET_AFTER + " (" + forget.toMillis() + " ms) must not be shorter than " + MAX_LOCKOUT + " ("
                    + max.toMillis() + " ms): a lock would outlive the failures it counts");
        }
        if (!errors.isEmpty()) {
            throw new InvalidSettingsException(errors);
        }
        return new SignInThrottling(free, perAddress, perAccount, first, max, forget);
    }

    private static int count(Function<String, Optional<String>> lookup, String key, int fallback, List<String> errors) {
        Optional<String> raw = lookup.apply(key).map(String::trim).filter(v -> !v.isEmpty());
        if (raw.isEmpty()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.get());
            if (value >= 1 && value <= 1_000_000) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(key + ": '" + raw.get() + "' is not a whole number from 1 to 1000000");
        return fallback;
    }

    private static Duration duration(
            Function<String, Optional<String>> lookup, String key, Duration fallback, List<String> errors) {
        Optional<String> raw = lookup.apply(key).map(String::trim).filter(v -> !v.isEmpty());
        if (raw.isEmpty()) {
            return fallback;
        }
        try {
            Duration value = Durations.parse(raw.get());
            if (!value.isZero() && !value.isNegative()) {
                return value;
            }
            errors.add(key + ": must be longer than zero");
        } catch (IllegalArgumentException e) {
            errors.add(key + ": " + e.getMessage());
        }
        return fallback;
    }
}
