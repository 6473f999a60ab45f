package org.actiontriggers.secret;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts webhook signing secrets for the database with AES-256-GCM, under the key of {@value #KEY_SETTING},
 * so that a copy of the database alone does not let anyone sign webhooks. GCM authenticates too: a stored
 * value that was altered, encrypted under an unknown key or copied from another row fails to decrypt instead
 * of yielding a wrong key.
 *
 * <p>Stored form: {@code v2:} + key id + {@code :} + base64(12-byte random nonce + ciphertext + 16-byte tag).
 * The key id (a hash of the key, which says nothing about it) picks the key among the current one and those
 * of {@value #PREVIOUS_KEYS_SETTING}, so a key can be replaced without downtime: the old one keeps reading
 * while a re-encryption run ({@link SigningSecrets#reEncrypt}) moves every value to the new one. The
 * associated data binds each value to its row (table and id): copied into another webhook's row, it does not
 * decrypt. Values written before key ids existed ({@code v1:}, bound to no row) are still read, under any of
 * the configured keys, until the re-encryption run rewrites them.
 *
 * <p>Neither a key nor a plaintext ever appears in a message or in {@link #toString()}.
 */
public final class SecretCipher {

    /** The setting that holds the key new values are encrypted under. */
    public static final String KEY_SETTING = "action-triggers.secret-encryption-key";

    /** The setting that holds earlier keys, still accepted for reading during a rotation. */
    public static final String PREVIOUS_KEYS_SETTING = "action-triggers.previous-secret-encryption-keys";

    private static final String LEGACY_FORMAT = "v1:";
    private static final String FORMAT = "v2:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String CONTEXT = "action-triggers webhook signing secret";
    private static final byte[] LEGACY_CONTEXT = CONTEXT.getBytes(StandardCharsets.UTF_8);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String currentId;
    /** Every key that may read, by id: the current one first. */
    private final Map<String, SecretKeySpec> keys;

    private SecretCipher(Map<String, SecretKeySpec> keys) {
        this.keys = keys;
        this.currentId = keys.keySet().iterator().next();
    }

    /**
     * The cipher for a key given as base64 of 32 bytes (e.g. {@code openssl rand -base64 32}).
     *
     * @throws IllegalArgumentException saying what is wrong with the value, without repeating it
     */
    public static SecretCipher fromBase64(String encodedKey) {
        return fromBase64(encodedKey, List.of());
    }

    /**
     * The cipher that encrypts under the current key and also reads values encrypted under the previous ones.
     *
     * @throws IllegalArgumentException saying what is wrong with which value ({@code previous key 2}), without
     *     repeating it
     */
    public static SecretCipher fromBase64(String currentKey, List<String> previousKeys) {
        Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
        byte[] current = decodeKey(currentKey, "");
        keys.put(idOf(current), new SecretKeySpec(current, "AES"));
        for (int i = 0; i < previousKeys.size(); i++) {
            byte[] previous = decodeKey(previousKeys.get(i), "previous key " + (i + 1) + " ");
            keys.putIfAbsent(idOf(previous), new SecretKeySpec(previous, "AES"));
        }
        return new SecretCipher(keys);
    }

    private static byte[] decodeKey(String encoded, String which) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(encoded.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(which + "is not base64 (generate one with: openssl rand -base64 32)");
        }
        if (key.length != 32) {
            throw new IllegalArgumentException(which + "must be 32 bytes (AES-256) in base64, is " + key.length
                    + " bytes (generate one with: openssl rand -base64 32)");
        }
        return key;
    }

    /** A short name of a key that reveals nothing of it: the start of a SHA-256 over a label and the key. */
    private static String idOf(byte[] key) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("action-triggers key id\0".getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest(key), 0, 6);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** The id of the key new values are encrypted under, as it appears in the stored form. */
    public String currentKeyId() {
        return currentId;
    }

    /** The ids of the other keys that are accepted for reading. */
    public List<String> previousKeyIds() {
        List<String> ids = new ArrayList<>(keys.keySet());
        ids.remove(0);
        return ids;
    }

    /** The start every value encrypted under the current key has; what a re-encryption run looks for. */
    public String currentPrefix() {
        return FORMAT + currentId + ":";
    }

    /**
     * Encrypts a value that will be stored in the given row, under the current key.
     *
     * @param table the table the value is stored in
     * @param rowId the id of its row there
     */
    public String encrypt(String plaintext, String table, long rowId) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(boundTo(table, rowId));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(nonce.length + sealed.length)
                    .put(nonce)
                    .put(sealed)
                    .array();
            return currentPrefix() + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /**
     * Decrypts a value stored in the given row.
     *
     * @throws UndecryptableSecretException when the value is not one a configured key encrypted for this row,
     *     or was altered
     */
    public String decrypt(String stored, String table, long rowId) {
        if (stored != null && stored.startsWith(FORMAT)) {
            int end = stored.indexOf(':', FORMAT.length());
            SecretKeySpec key = end < 0 ? null : keys.get(stored.substring(FORMAT.length(), end));
            if (key == null) {
                throw new UndecryptableSecretException("the stored secret was encrypted under a key that is neither "
                        + KEY_SETTING + " nor one of " + PREVIOUS_KEYS_SETTING);
            }
            return open(key, stored.substring(end + 1), boundTo(table, rowId))
                    .orElseThrow(() -> new UndecryptableSecretException("the stored secret does not decrypt for "
                            + table + " row " + rowId + " (altered, or copied from another row)"));
        }
        if (stored != null && stored.startsWith(LEGACY_FORMAT)) {
            for (SecretKeySpec key : keys.values()) {
                var plain = open(key, stored.substring(LEGACY_FORMAT.length()), LEGACY_CONTEXT);
                if (plain.isPresent()) {
                    return plain.get();
                }
            }
            throw new UndecryptableSecretException("the stored secret does not decrypt with " + KEY_SETTING + " or "
                    + PREVIOUS_KEYS_SETTING + " (another key, or altered)");
        }
        throw new UndecryptableSecretException("the stored secret is not in the encrypted format");
    }

    private static Optional<String> open(SecretKeySpec key, String encoded, byte[] associated) {
        try {
            byte[] in = Base64.getDecoder().decode(encoded);
            if (in.length <= NONCE_BYTES) {
                return Optional.empty();
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            cipher.updateAAD(associated);
            return Optional.of(
                    new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return Optional.empty();
        }
    }

    /** The associated data of a value in a row: what it is, and where it belongs. */
    private static byte[] boundTo(String table, long rowId) {
        return (CONTEXT + "\0" + table + "\0" + rowId).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "SecretCipher[AES-256-GCM, key " + currentId + ", " + (keys.size() - 1) + " previous, keys not shown]";
    }
}
