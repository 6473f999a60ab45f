package org.actiontriggers.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.actiontriggers.settings.SignInThrottling;

/**
 * Counts failed sign-ins and says when one must wait, as {@link SignInThrottling} describes: per account from
 * one address, per address, and per account — the last one never against an address the account has signed
 * in from, so guesses from elsewhere cannot lock the real user out. A locked attempt is refused before the
 * password is looked at (and does not count: an attacker learns nothing and cannot lengthen the lock by
 * hammering). In memory, per instance: a restart forgets, and with several instances each counts its own.
 */
final class FailedSignIns {

    /**
     * More tracked keys than this, and the forgotten ones are swept out. Callers count every unknown user
     * name as one account, and an address is locked after its free failures, so the keys grow only with the
     * addresses that fail.
     */
    static final int SWEEP_ABOVE = 10_000;
    /** Addresses remembered per account as ones it signed in from. */
    static final int KNOWN_ADDRESSES = 32;

    private final SignInThrottling settings;
    private final Clock clock;
    private final Map<String, Count> counts = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Instant>> known = new ConcurrentHashMap<>();

    /** A count of failures and the lock it led to. */
    private static final class Count {
        int failures;
        Instant lastFailure;
        Instant lockedUntil = Instant.MIN;
    }

    /** What a failure led to: the longest lock now in force for this account and address, if any. */
    record Outcome(int failuresOfAccountFromAddress, Optional<Duration> lockedFor) {}

    FailedSignIns(SignInThrottling settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** How long this account must wait from this address before it may try again; empty when it may. */
    Optional<Duration> wait(String account, String address) {
        return wait(account, account, address);
    }

    /**
     * How long this user name must wait from this address; empty when it may try now.
     *
     * @param account what the user name counts as account-wide: itself, or one name for every unknown one
     */
    Optional<Duration> wait(String user, String account, String address) {
        Instant now = clock.instant();
        Instant until = lockedUntil(pairKey(user, address), now);
        Instant byAddress = lockedUntil(addressKey(address), now);
        if (byAddress.isAfter(until)) {
            until = byAddress;
        }
        if (!isKnown(account, address, now)) {
            Instant byAccount = lockedUntil(accountKey(account), now);
            if (byAccount.isAfter(until)) {
                until = byAccount;
            }
        }
        return until.isAfter(now) ? Optional.of(Duration.between(now, until)) : Optional.empty();
    }

    /** Counts a failure of this account from this address. */
    Outcome failed(String account, String address) {
        return failed(account, account, address);
    }

    /** Counts a failure of this user name (counted account-wide as {@code account}) from this address. */
    Outcome failed(String user, String account, String address) {
        Instant now = clock.instant();
        sweep(now);
        int pair = count(pairKey(user, address), settings.freeFailures(), now);
        count(addressKey(address), settings.freeFailuresPerAddress(), now);
        count(accountKey(account), settings.freeFailuresPerAccount(), now);
        return new Outcome(pair, wait(user, account, address));
    }

    /** A successful sign-in: this account's count from this address starts again, and the address is known. */
    void succeeded(String account, String address) {
        Instant now = clock.instant();
        counts.remove(pairKey(account, address));
        Map<String, Instant> addresses = known.computeIfAbsent(account, a -> new ConcurrentHashMap<>());
        if (addresses.size() >= KNOWN_ADDRESSES && !addresses.containsKey(address)) {
            addresses.entrySet().stream()
                    .min(Map.Entry.comparingByValue())
                    .ifPresent(oldest -> addresses.remove(oldest.getKey()));
        }
        addresses.put(address, now);
    }

    /** Counts that are locked now. */
    int lockedNow() {
        Instant now = clock.instant();
        return (int) counts.values().stream()
                .filter(c -> {
                    synchronized (c) {
                        return c.lockedUntil.isAfter(now);
                    }
                })
                .count();
    }

    private int count(String key, int free, Instant now) {
        Count c = counts.computeIfAbsent(key, k -> new Count());
        synchronized (c) {
            if (c.lastFailure != null && forgotten(c, now)) {
                c.failures = 0;
                c.lockedUntil = Instant.MIN;
            }
            c.failures++;
            c.lastFailure = now;
            int beyond = c.failures - free;
            if (beyond > 0) {
                c.lockedUntil = now.plus(lockout(beyond));
            }
            return c.failures;
        }
    }

    /** The lock after the n-th failure beyond the free ones: the first lockout, doubled each time, capped. */
    Duration lockout(int beyond) {
        Duration max = settings.maxLockout();
        Duration lock = settings.firstLockout();
        for (int i = 1; i < beyond && lock.compareTo(max) < 0; i++) {
            lock = lock.multipliedBy(2);
        }
        return lock.compareTo(max) > 0 ? max : lock;
    }

    private Instant lockedUntil(String key, Instant now) {
        Count c = counts.get(key);
        if (c == null) {
            return Instant.MIN;
        }
        synchronized (c) {
            return forgotten(c, now) ? Instant.MIN : c.lockedUntil;
        }
    }

    private boolean forgotten(Count c, Instant now) {
        return c.lastFailure == null
                || (!c.lockedUntil.isAfter(now)
                        && Duration.between(c.lastFailure, now).compareTo(settings.forgetAfter()) >= 0);
    }

    private boolean isKnown(String account, String address, Instant now) {
        Instant last = known.getOrDefault(account, Map.of()).get(address);
        return last != null && Duration.between(last, now).compareTo(Duration.ofDays(30)) < 0;
    }

    private void sweep(Instant now) {
        if (counts.size() <= SWEEP_ABOVE) {
            return;
        }
        counts.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                return forgotten(e.getValue(), now);
            }
        });
        if (counts.size() > 4 * SWEEP_ABOVE) {
            // a flood from very many addresses: keep the locks, forget counts that lock nothing yet
            counts.entrySet().removeIf(e -> {
                synchronized (e.getValue()) {
                    return !e.getValue().lockedUntil.isAfter(now);
                }
            });
        }
    }

    private static String pairKey(String user, String address) {
        return "pair\u0000" + (user.length() > 128 ? user.substring(0, 128) : user) + "\u0000" + address;
    }

    private static String addressKey(String address) {
        return "address\u0000" + address;
    }

    private static String accountKey(String account) {
        return "account\u0000" + account;
    }
}
