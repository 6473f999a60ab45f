package org.actiontriggers.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.List;
import org.actiontriggers.settings.Settings;
import org.junit.jupiter.api.Test;

class SecretCipherTest {

    private static final String KEY = "uXWHj5EQ51oR4OVitlyhSwAAovmCbauIhNtJjHy/HjU=";
    private static final String OTHER_KEY = "BRZJzHvgD7fzHa7dSeqdFPGvMi7/TL8P4Vm8D27ZlgQ=";
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String TABLE = "action_triggers_webhook";

    /** {@link #SECRET} under {@link #KEY} as the cipher wrote it before key ids and row binding (v1). */
    private static final String LEGACY =
            "v1:gONXUmQ+lURfoSGRQEUYJ2/AWNLF/RrMw59gqMkLfbjjbAkv//21dsSKUxMpfynFtiIEJMQBFbSFb6BTGxS/dSkt";

    private final SecretCipher cipher = SecretCipher.fromBase64(KEY);

    @Test
    void decryptsWhatItEncryptedForTheSameRow() {
        assertThat(cipher.decrypt(cipher.encrypt(SECRET, TABLE, 7), TABLE, 7)).isEqualTo(SECRET);
    }

    @Test
    void theStoredFormNamesTheKeyHoldsNoPlaintextAndDiffersEachTime() {
        String first = cipher.encrypt(SECRET, TABLE, 7);
        String second = cipher.encrypt(SECRET, TABLE, 7);

        assertThat(first)
                .startsWith("v2:" + cipher.currentKeyId() + ":")
                .startsWith(cipher.currentPrefix())
                .doesNotContain("MfKQ9r8GKYqrTwjU")
                .isNotEqualTo(second);
        assertThat(cipher.currentKeyId()).hasSize(12).doesNotContain(KEY.substring(0, 8));
    }

    @Test
    void aValueCopiedToAnotherRowOrTableDoesNotDecrypt() {
        String stored = cipher.encrypt(SECRET, TABLE, 7);

        assertThatThrownBy(() -> cipher.decrypt(stored, TABLE, 8))
                .isInstanceOf(UndecryptableSecretException.class)
                .hasMessageContaining("copied from another row");
        assertThatThrownBy(() -> cipher.decrypt(stored, "action_triggers_other", 7))
                .isInstanceOf(UndecryptableSecretException.class);
    }

    @Test
    void anotherKeyCannotDecrypt() {
        String stored = cipher.encrypt(SECRET, TABLE, 7);

        assertThatThrownBy(() -> SecretCipher.fromBase64(OTHER_KEY).decrypt(stored, TABLE, 7))
                .isInstanceOf(UndecryptableSecretException.class)
                .hasMessageContaining(Settings.SECRET_ENCRYPTION_KEY)
                .hasMessageContaining(SecretCipher.PREVIOUS_KEYS_SETTING);
    }

    @Test
    void aPreviousKeyStillReadsWhatItEncryptedWhileNewValuesGoUnderTheCurrentKey() {
        SecretCipher rotated = SecretCipher.fromBase64(OTHER_KEY, List.of(KEY));
        String underOld = cipher.encrypt(SECRET, TABLE, 7);

        assertThat(rotated.decrypt(underOld, TABLE, 7)).isEqualTo(SECRET);
        assertThat(rotated.encrypt(SECRET, TABLE, 7)).startsWith(rotated.currentPrefix());
        assertThat(rotated.currentKeyId()).isNotEqualTo(cipher.currentKeyId());
        assertThat(rotated.previousKeyIds()).containsExactly(cipher.currentKeyId());
        assertThat(underOld).doesNotStartWith(rotated.currentPrefix());
    }

    @Test
    void aValueWrittenBeforeKeyIdsIsReadUnderTheCurrentOrAPreviousKey() {
        assertThat(cipher.decrypt(LEGACY, TABLE, 7)).isEqualTo(SECRET);
        assertThat(SecretCipher.fromBase64(OTHER_KEY, List.of(KEY)).decrypt(LEGACY, TABLE, 99))
                .isEqualTo(SECRET);
        assertThatThrownBy(() -> SecretCipher.fromBase64(OTHER_KEY).decrypt(LEGACY, TABLE, 7))
                .isInstanceOf(UndecryptableSecretException.class);
    }

    @Test
    void anAlteredValueDoesNotDecrypt() {
        String stored = cipher.encrypt(SECRET, TABLE, 7);
        String prefix = cipher.currentPrefix();
        byte[] raw = Base64.getDecoder().decode(stored.substring(prefix.length()));
        raw[raw.length - 20] ^= 1;
        String altered = prefix + Base64.getEncoder().encodeToString(raw);

        assertThatThrownBy(() -> cipher.decrypt(altered, TABLE, 7)).isInstanceOf(UndecryptableSecretException.class);
    }

    @Test
    void aPlainValueIsNotAcceptedAsEncrypted() {
        assertThatThrownBy(() -> cipher.decrypt(SECRET, TABLE, 7))
                .isInstanceOf(UndecryptableSecretException.class)
                .message()
                .doesNotContain(SECRET);
    }

    @Test
    void keysOfTheWrongSizeAreRefusedSayingWhichOne() {
        assertThatThrownBy(() -> SecretCipher.fromBase64(Base64.getEncoder().encodeToString(new byte[16])))
                .hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> SecretCipher.fromBase64(KEY, List.of(OTHER_KEY, "c2hvcnQ=")))
                .hasMessageContaining("previous key 2")
                .hasMessageNotContaining("c2hvcnQ=");
    }

    @Test
    void toStringShowsNoKey() {
        assertThat(SecretCipher.fromBase64(KEY, List.of(OTHER_KEY)).toString())
                .doesNotContain(KEY)
                .doesNotContain(OTHER_KEY);
    }
}
