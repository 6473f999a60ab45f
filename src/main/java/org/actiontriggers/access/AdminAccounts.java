package org.actiontriggers.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.actiontriggers.boot.ActionTriggersStarted;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The accounts of the built-in mechanism, loaded once the schema is migrated (and only when that mechanism is
 * in use: with the host's sign-in no password is generated), and the check of a user name and password
 * against them.
 *
 * <p>PBKDF2 is slow on purpose; so that every API call does not pay for it, a successful check is remembered
 * for {@value #REMEMBER_MINUTES} minutes as a SHA-256 digest of the credentials (never the password itself).
 */
@ApplicationScoped
public class AdminAccounts {

    private static final Logger LOG = Logger.getLogger(AdminAccounts.class.getName());
    static final int REMEMBER_MINUTES = 5;

    @Inject
    DataSource dataSource;

    @Inject
    SecurityChoice choice;

    private volatile Map<String, Account> accounts;
    private final Map<String, Instant> verified = new ConcurrentHashMap<>();

    void load(@Observes ActionTriggersStarted started) {
        if (choice.builtIn()) {
            accounts();
        }
    }

    private Map<String, Account> accounts() {
        Map<String, Account> loaded = accounts;
        if (loaded == null) {
            synchronized (this) {
                if (accounts == null) {
                    var config = ConfigProvider.getConfig();
                    Function<String, Optional<String>> lookup = key -> config.getOptionalValue(key, String.class);
                    List<Account> read = AccountSettings.read(lookup, new StoredPasswords(), LOG::warning);
                    accounts = read.stream().collect(Collectors.toUnmodifiableMap(Account::username, a -> a));
                    LOG.info(() -> "Admin API accounts: " + read);
                }
                loaded = accounts;
            }
        }
        return loaded;
    }

    /** The account when the password is right; empty otherwise. */
    Optional<Account> check(String username, char[] password) {
        Account account = accounts().get(username);
        if (account == null) {
            return Optional.empty();
        }
        String key = digest(account, password);
        Instant until = verified.get(key);
        if (until != null && until.isAfter(Instant.now())) {
            return Optional.of(account);
        }
        if (!PasswordHash.matches(password, account.passwordHash())) {
            return Optional.empty();
        }
        if (verified.size() > 1000) {
            verified.clear();
        }
        verified.put(key, Instant.now().plusSeconds(REMEMBER_MINUTES * 60L));
        return Optional.of(account);
    }

    /** Whether an account has this name. */
    boolean exists(String username) {
        return accounts().containsKey(username);
    }

    /** What the account of this name, signed in by the built-in mechanism, may do. */
    Grant grantOf(String username) {
        Account account = accounts().get(username);
        if (account == null) {
            return Grant.NONE;
        }
        return account.admin() ? Grant.ADMIN : Grant.VIEWER;
    }

    private static String digest(Account account, char[] password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(account.passwordHash().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(account.username().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(new String(password).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Generated password hashes in {@code action_triggers_generated_password}. */
    private final class StoredPasswords implements AccountSettings.GeneratedPasswords {

        @Override
        public Optional<String> hashOf(String username) {
            try (Connection c = dataSource.getConnection();
                    PreparedStatement ps = c.prepareStatement(
                            "SELECT password_hash FROM action_triggers_generated_password WHERE username = ?")) {
                ps.setString(1, username);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Could not read the generated admin password", e);
            }
        }

        @Override
        public boolean keep(String username, String hash) {
            try (Connection c = dataSource.getConnection();
                    PreparedStatement ps = c.prepareStatement("INSERT INTO action_triggers_generated_password"
                            + " (username, password_hash, created_at) VALUES (?, ?, ?)")) {
                ps.setString(1, username);
                ps.setString(2, hash);
                ps.setObject(3, Instant.now().atOffset(ZoneOffset.UTC));
                return ps.executeUpdate() == 1;
            } catch (SQLException e) {
                if (hashOf(username).isPresent()) {
                    return false;
                }
                throw new IllegalStateException("Could not keep the generated admin password", e);
            }
        }
    }
}
