package org.actiontriggers.secret;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts webhook signing secrets for the database with AES-256-GCM, under the key of
 * {@value #KEY_SETTING}, so that a copy of the database alone does not let anyone sign
 * webhooks. GCM authenticates too: a stored value that was altered, or that was encrypted under another
 * key, fails to decrypt instead of yielding a wrong key.
 *
 * <p>Stored form: {@code v1:} + base64(12-byte random nonce + ciphertext + 16-byte tag). Neither the key
 * nor a plaintext ever appears in a message or in {@link #toString()}.
 */
public final class SecretCipher {

    /** The setting that holds the key. */
    public static final String KEY_SETTING = "action-triggers.secret-encryption-key";

    private static final String FORMAT = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final byte[] CONTEXT = "action-triggers webhook signing secret".getBytes(StandardCharsets.UTF_8);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    private SecretCipher(byte[] key) {
        this.key = new SecretKeySpec(key, "AES");
    }

    /**
     * The cipher for a key given as base64 of 32 bytes (e.g. {@code openssl rand -base64 32}).
     *
     * @throws IllegalArgumentException saying what is wrong with the value, without repeating it
     */
    public static SecretCipher fromBase64(String encodedKey) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(encodedKey.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("is not base64 (generate one with: openssl rand -base64 32)");
        }
        if (key.length != 32) {
            throw new IllegalArgumentException("must be 32 bytes (AES-256) in base64, is " + key.length
                    + " bytes (generate one with: openssl rand -base64 32)");
        }
        return new SecretCipher(key);
    }

    public String encrypt(String plaintext) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(CONTEXT);
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(nonce.length + sealed.length)
                    .put(nonce)
                    .put(sealed)
                    .array();
            return FORMAT + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /**
     * @throws UndecryptableSecretException when the value is not one this key encrypted, or was altered
     */
    public String decrypt(String stored) {
        if (stored == null || !stored.startsWith(FORMAT)) {
            throw new UndecryptableSecretException("the stored secret is not in the encrypted format");
        }
        try {
            byte[] in = Base64.getDecoder().decode(stored.substring(FORMAT.length()));
            if (in.length <= NONCE_BYTES) {
                throw new UndecryptableSecretException("the stored secret is truncated");
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            cipher.updateAAD(CONTEXT);
            return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new UndecryptableSecretException(
                    "the stored secret does not decrypt with " + KEY_SETTING + " (another key, or altered)");
        }
    }

    @Override
    public String toString() {
        return "SecretCipher[AES-256-GCM, key not shown]";
    }
}
