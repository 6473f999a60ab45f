package org.actiontriggers.secret;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keys that sign a webhook's requests right now: none when signing is off, one normally, two during a
 * rotation's grace period — the new one first — so that a receiver that still knows only the old secret
 * keeps accepting requests while it is being updated.
 */
public final class SigningKeys {

    private static final SigningKeys NONE = new SigningKeys(List.of());

    private final List<SigningSecret> secrets;

    private SigningKeys(List<SigningSecret> secrets) {
        this.secrets = List.copyOf(secrets);
    }

    public static SigningKeys none() {
        return NONE;
    }

    public static SigningKeys of(List<SigningSecret> secrets) {
        return secrets.isEmpty() ? NONE : new SigningKeys(secrets);
    }

    /** Whether requests get a {@code webhook-signature} header. */
    public boolean signs() {
        return !secrets.isEmpty();
    }

    /**
     * The {@code webhook-signature} value per the Standard Webhooks spec: for each key, {@code v1,} + base64 of
     * HMAC-SHA256 over {@code id.timestamp.body}, separated by spaces.
     *
     * @param body the exact body sent; {@code null} for none
     */
    public String signature(String webhookId, long timestamp, String body) {
        byte[] content =
                (webhookId + "." + timestamp + "." + (body == null ? "" : body)).getBytes(StandardCharsets.UTF_8);
        return secrets.stream()
                .map(secret -> "v1," + Base64.getEncoder().encodeToString(hmac(secret.key(), content)))
                .collect(Collectors.joining(" "));
    }

    private static byte[] hmac(byte[] key, byte[] content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(content);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    @Override
    public String toString() {
        return "SigningKeys[" + secrets.size() + " keys, not shown]";
    }
}
