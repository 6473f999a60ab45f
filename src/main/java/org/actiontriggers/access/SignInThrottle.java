package org.actiontriggers.access;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;
import java.util.logging.Logger;
import org.actiontriggers.settings.SignInThrottling;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Slows password guessing at the built-in sign-in, on the console's form and the API's Basic alike ({@link
 * FailedSignIns} has the rules, {@link SignInThrottling} the settings): a locked attempt is refused before the
 * password is checked. Every failure is logged with the user name and the client address, never the password;
 * the counts are what the metrics show.
 *
 * <p>The client address is the container's {@code getRemoteAddr()}: behind a reverse proxy, have the server
 * take it from the proxy's forwarding header (on WildFly Undertow's {@code proxy-address-forwarding}), or every
 * caller shares the proxy's address.
 */
@ApplicationScoped
public class SignInThrottle {

    private static final Logger LOG = Logger.getLogger(SignInThrottle.class.getName());
    /** Every user name that is not an account is counted as this one (it cannot be a user name: ':' is refused). */
    static final String UNKNOWN_ACCOUNT = ":unknown";

    /** Where a sign-in came in. */
    public enum Via {
        API,
        CONSOLE
    }

    private final Map<Via, LongAdder> failures = new EnumMap<>(Via.class);
    private final Map<Via, LongAdder> refused = new EnumMap<>(Via.class);
    private volatile FailedSignIns counts;

    public SignInThrottle() {
        for (Via via : Via.values()) {
            failures.put(via, new LongAdder());
            refused.put(via, new LongAdder());
        }
    }

    /**
     * How long this caller must wait before trying again; empty when they may try now. Counts a refusal.
     *
     * @param isAccount whether a user name is one of our accounts
     */
    Optional<Duration> refusal(String username, Predicate<String> isAccount, String address, Via via) {
        Optional<Duration> wait = counts().wait(username, account(username, isAccount), address);
        wait.ifPresent(w -> refused.get(via).increment());
        return wait;
    }

    /** Counts and logs a failed sign-in; the lock it led to, if any. */
    Optional<Duration> failed(String username, Predicate<String> isAccount, String address, Via via) {
        failures.get(via).increment();
        String account = account(username, isAccount);
        FailedSignIns.Outcome outcome = counts().failed(username, account, address);
        LOG.warning(() -> "Failed sign-in (" + via.name().toLowerCase(java.util.Locale.ROOT) + ") as '"
                + printable(username) + "'" + (account.equals(UNKNOWN_ACCOUNT) ? " (no such account)" : "")
                + " from " + address + ", failure " + outcome.failuresOfAccountFromAddress()
                + " from there"
                + outcome.lockedFor()
                        .map(d -> "; further sign-ins from there are refused for " + seconds(d) + " s")
                        .orElse(""));
        return outcome.lockedFor();
    }

    /** A successful sign-in of an account. */
    void succeeded(String username, String address) {
        counts().succeeded(username, address);
    }

    /**
     * The counts as a plain object, for metrics read on the server's own threads: a gauge that calls through
     * this bean's CDI proxy there depends on the server making the application's context available to them.
     */
    public Figures figures() {
        return new Figures(this);
    }

    /** Reads the counts of one {@link SignInThrottle} without its proxy. */
    public static final class Figures {
        private final SignInThrottle throttle;

        Figures(SignInThrottle throttle) {
            this.throttle = throttle;
        }

        public long failures(Via via) {
            return throttle.failures.get(via).sum();
        }

        public long refused(Via via) {
            return throttle.refused.get(via).sum();
        }

        public int lockedNow() {
            FailedSignIns c = throttle.counts;
            return c == null ? 0 : c.lockedNow();
        }
    }

    /** Failed sign-ins since start, by where they came in. */
    public long failures(Via via) {
        return failures.get(via).sum();
    }

    /** Attempts refused while locked, since start. */
    public long refused(Via via) {
        return refused.get(via).sum();
    }

    /** Locks in force now (per account and address, per address, per account). */
    public int lockedNow() {
        return counts().lockedNow();
    }

    /** Whole seconds to wait, at least one: what {@code Retry-After} and the sign-in page say. */
    public static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    private FailedSignIns counts() {
        FailedSignIns c = counts;
        if (c == null) {
            synchronized (this) {
                if (counts == null) {
                    var config = ConfigProvider.getConfig();
                    counts = new FailedSignIns(
                            SignInThrottling.read(key -> config.getOptionalValue(key, String.class)),
                            Clock.systemUTC());
                }
                c = counts;
            }
        }
        return c;
    }

    private static String account(String username, Predicate<String> isAccount) {
        return isAccount.test(username) ? username : UNKNOWN_ACCOUNT;
    }

    /** A user name fit for a log line: no line breaks or control characters, at most 64 characters. */
    static String printable(String username) {
        String cleaned = username.codePoints()
                .map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        return cleaned.length() > 64 ? cleaned.substring(0, 64) + "…" : cleaned;
    }
}
