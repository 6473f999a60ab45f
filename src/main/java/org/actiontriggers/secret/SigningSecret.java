package org.actiontriggers.secret;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * A webhook signing secret in the Standard Webhooks form: {@code whsec_} + base64 of 24 to 64 random bytes;
 * the decoded bytes are the HMAC-SHA256 key. Receivers' libraries take this text as it is.
 *
 * <p>{@link #toString()} never shows the secret, and parse errors never repeat the input, so neither can
 * reach a log or a response by accident.
 */
public final class SigningSecret {

    public static final String PREFIX = "whsec_";
    static final int MIN_BYTES = 24;
    static final int MAX_BYTES = 64;
    private static final int GENERATED_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] key;

    private SigningSecret(byte[] key) {
        this.key = key;
    }

    /** A new secret of 32 random bytes. */
    public static SigningSecret generate() {
        byte[] key = new byte[GENERATED_BYTES];
        RANDOM.nextBytes(key);
        return new SigningSecret(key);
    }

    /**
     * Reads a secret someone chose.
     *
     * @throws IllegalArgumentException with a message fit for the caller, without the value
     */
    public static SigningSecret parse(String text) {
        String format = "a signing secret is '" + PREFIX + "' followed by the base64 of " + MIN_BYTES + " to "
                + MAX_BYTES + " random bytes";
        if (text == null || !text.startsWith(PREFIX)) {
            throw new IllegalArgumentException(format);
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(text.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(format + "; the part after the prefix is not base64");
        }
        if (key.length < MIN_BYTES || key.length > MAX_BYTES) {
            throw new IllegalArgumentException(format + "; this one has " + key.length + " bytes");
        }
        return new SigningSecret(key);
    }

    /** The secret as given to the receiver: {@code whsec_…}. */
    public String text() {
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** The HMAC key. */
    byte[] key() {
        return Arrays.copyOf(key, key.length);
    }

    @Override
    public String toString() {
        return "SigningSecret[not shown]";
    }
}
