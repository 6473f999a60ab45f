package org.actiontriggers.access;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.actiontriggers.settings.InvalidSettingsException;

/**
 * Reads the accounts from their settings. The admin's password hash comes from
 * {@value #ADMIN_PASSWORD_HASH}; when that is unset, a password generated on the very first start is used —
 * its hash kept in the database, the password itself announced exactly once — so no default password is
 * ever built in. A viewer exists only when {@value #VIEWER_PASSWORD_HASH} is set.
 */
final class AccountSettings {

    static final String ADMIN_USERNAME = "action-triggers.admin.username";
    static final String ADMIN_PASSWORD_HASH = "action-triggers.admin.password-hash";
    static final String VIEWER_USERNAME = "action-triggers.viewer.username";
    static final String VIEWER_PASSWORD_HASH = "action-triggers.viewer.password-hash";

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Where a generated admin password's hash is kept between starts. */
    interface GeneratedPasswords {

        Optional<String> hashOf(String username);

        /** Keeps the hash unless one is kept already (another instance was quicker); whether it was kept. */
        boolean keep(String username, String hash);
    }

    private AccountSettings() {}

    /**
     * The accounts.
     *
     * @param announce receives, once, the message with a generated password
     * @throws InvalidSettingsException naming a malformed key
     */
    static List<Account> read(
            Function<String, Optional<String>> lookup, GeneratedPasswords generated, Consumer<String> announce) {
        List<String> errors = new ArrayList<>();
        String admin = username(lookup, ADMIN_USERNAME, "admin", errors);
        String viewer = username(lookup, VIEWER_USERNAME, "viewer", errors);
        Optional<String> adminHash = hash(lookup, ADMIN_PASSWORD_HASH, errors);
        Optional<String> viewerHash = hash(lookup, VIEWER_PASSWORD_HASH, errors);
        if (viewerHash.isPresent() && admin.equals(viewer)) {
            errors.add(VIEWER_USERNAME + " must differ from " + ADMIN_USERNAME + " ('" + admin + "')");
        }
        if (!errors.isEmpty()) {
            throw new InvalidSettingsException(errors);
        }
        List<Account> accounts = new ArrayList<>();
        accounts.add(new Account(admin, adminHash.orElseGet(() -> generatedHash(admin, generated, announce)), true));
        viewerHash.ifPresent(h -> accounts.add(new Account(viewer, h, false)));
        return List.copyOf(accounts);
    }

    private static String generatedHash(String admin, GeneratedPasswords generated, Consumer<String> announce) {
        Optional<String> kept = generated.hashOf(admin);
        if (kept.isPresent()) {
            return kept.get();
        }
        char[] password = new char[24];
        for (int i = 0; i < password.length; i++) {
            password[i] = ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length()));
        }
        String hash = PasswordHash.of(password);
        if (!generated.keep(admin, hash)) {
            return generated.hashOf(admin).orElseThrow();
        }
        announce.accept("No " + ADMIN_PASSWORD_HASH + " is set, so a password was generated for the admin API user '"
                + admin + "'. It is shown only this once:\n\n    " + new String(password) + "\n\n"
                + "To choose your own, hash it with\n"
                + "    java -cp action-triggers-<version>-library.jar " + PasswordHash.class.getName() + "\n"
                + "and set " + ADMIN_PASSWORD_HASH
                + " (environment: ACTION_TRIGGERS_ADMIN_PASSWORD_HASH) to the result;"
                + " the generated password then stops working.");
        return hash;
    }

    private static String username(
            Function<String, Optional<String>> lookup, String key, String fallback, List<String> errors) {
        String name = lookup.apply(key).map(String::trim).orElse(fallback);
        if (name.isEmpty() || name.contains(":")) {
            errors.add(key + ": '" + name + "' is not a user name (empty, or holds ':')");
        }
        return name;
    }

    private static Optional<String> hash(Function<String, Optional<String>> lookup, String key, List<String> errors) {
        Optional<String> value = lookup.apply(key).map(String::trim).filter(v -> !v.isEmpty());
        if (value.isPresent() && !PasswordHash.isWellFormed(value.get())) {
            errors.add(key
                    + " is not a password hash of the form pbkdf2-sha256:<iterations>:<salt>:<hash>; create one with "
                    + PasswordHash.class.getName());
        }
        return value;
    }
}
