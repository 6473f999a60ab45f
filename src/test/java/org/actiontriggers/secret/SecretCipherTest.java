package org.actiontriggers.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.actiontriggers.settings.Settings;
import org.junit.jupiter.api.Test;

class SecretCipherTest {

    private static final String KEY = "uXWHj5EQ51oR4OVitlyhSwAAovmCbauIhNtJjHy/HjU=";
    private static final String OTHER_KEY = "BRZJzHvgD7fzHa7dSeqdFPGvMi7/TL8P4Vm8D27ZlgQ=";
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    private final SecretCipher cipher = SecretCipher.fromBase64(KEY);

    @Test
    void decryptsWhatItEncrypted() {
        assertThat(cipher.decrypt(cipher.encrypt(SECRET))).isEqualTo(SECRET);
    }

    @Test
    void theStoredFormHoldsNoPlaintextAndDiffersEachTime() {
        String first = cipher.encrypt(SECRET);
        String second = cipher.encrypt(SECRET);

        assertThat(first).startsWith("v1:").doesNotContain("MfKQ9r8GKYqrTwjU").isNotEqualTo(second);
    }

    @Test
    void anotherKeyCannotDecrypt() {
        String stored = cipher.encrypt(SECRET);

        assertThatThrownBy(() -> SecretCipher.fromBase64(OTHER_KEY).decrypt(stored))
                .isInstanceOf(UndecryptableSecretException.class)
                .hasMessageContaining(Settings.SECRET_ENCRYPTION_KEY);
    }

    @Test
    void anAlteredValueDoesNotDecrypt() {
        byte[] raw = Base64.getDecoder().decode(cipher.encrypt(SECRET).substring(3));
        raw[raw.length - 20] ^= 1;
        String altered = "v1:" + Base64.getEncoder().encodeToString(raw);

        assertThatThrownBy(() -> cipher.decrypt(altered)).isInstanceOf(UndecryptableSecretException.class);
    }

    @Test
    void aPlainValueIsNotAcceptedAsEncrypted() {
        assertThatThrownBy(() -> cipher.decrypt(SECRET))
                .isInstanceOf(UndecryptableSecretException.class)
                .message()
                .doesNotContain(SECRET);
    }

    @Test
    void keysOfTheWrongSizeAreRefused() {
        assertThatThrownBy(() -> SecretCipher.fromBase64(Base64.getEncoder().encodeToString(new byte[16])))
                .hasMessageContaining("32 bytes");
    }

    @Test
    void toStringShowsNoKey() {
        assertThat(cipher.toString()).doesNotContain(KEY);
    }
}
