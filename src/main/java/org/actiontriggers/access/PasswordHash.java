package org.actiontriggers.access;

import java.io.Console;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.spec.InvalidKeySpecException;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Password hashes as stored in {@code action-triggers.admin.password-hash}: PBKDF2 with HMAC-SHA256, written
 * {@code pbkdf2-sha256:<iterations>:<salt, base64>:<hash, base64>}, so no password is ever kept in the
 * configuration or the database.
 *
 * <p>Run it to hash your own password: {@code java -cp
 * action-triggers-<version>-library.jar org.actiontriggers.access.PasswordHash} asks for the password (or reads it from standard input) and
 * prints the value to set.
 */
public final class PasswordHash {

    static final int ITERATIONS = 210_000;
    private static final Pattern FORM = Pattern.compile("pbkdf2-sha256:(\\d{1,9}):([A-Za-z0-9+/=]+):([A-Za-z0-9+/=]+)");
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordHash() {}

    /** A new hash of the password, with a fresh random salt. */
    public static String of(char[] password) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return "pbkdf2-sha256:" + ITERATIONS + ":" + Base64.getEncoder().encodeToString(salt) + ":"
                + Base64.getEncoder().encodeToString(derive(password, salt, ITERATIONS));
    }

    /** Whether the text has the form of a hash this class writes. */
    public static boolean isWellFormed(String hash) {
        return hash != null && FORM.matcher(hash.trim()).matches();
    }

    /** Whether the password is the one hashed, compared in constant time; {@code false} for a malformed hash. */
    public static boolean matches(char[] password, String hash) {
        Matcher m = hash == null ? null : FORM.matcher(hash.trim());
        if (m == null || !m.matches()) {
            return false;
        }
        int iterations = Integer.parseInt(m.group(1));
        byte[] salt = Base64.getDecoder().decode(m.group(2));
        byte[] expected = Base64.getDecoder().decode(m.group(3));
        if (iterations < 1 || expected.length == 0) {
            return false;
        }
        return MessageDigest.isEqual(expected, derive(password, salt, iterations));
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, 256);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(spec)
                    .getEncoded();
        } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available", e);
        } finally {
            spec.clearPassword();
        }
    }

    /** Prints the hash of a password typed at the console or given on standard input. */
    public static void main(String[] args) throws Exception {
        Console console = System.console();
        char[] password = console != null
                ? console.readPassword("Password to hash: ")
                : new String(System.in.readAllBytes(), StandardCharsets.UTF_8)
                        .strip()
                        .toCharArray();
        if (password == null || password.length == 0) {
            System.err.println("No password given");
            System.exit(1);
        }
        System.out.println(of(password));
    }
}
