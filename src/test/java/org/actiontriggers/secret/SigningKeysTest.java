package org.actiontriggers.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Our signatures checked by the independent Standard Webhooks library, not by our own code. */
class SigningKeysTest {

    private static final String ID = "0192d3c4-5b6a-7c8d-9e0f-a1b2c3d4e5f6";
    private static final String BODY = "{\"customer_name\":\"Ann O'Brien\",\"emoji\":\"\\uD83D\\uDE00 ✓\"}";

    private final SigningSecret current = SigningSecret.generate();
    private final SigningSecret previous = SigningSecret.generate();

    private static Map<String, List<String>> headers(String id, long timestamp, String signature) {
        return Map.of(
                "webhook-id", List.of(id),
                "webhook-timestamp", List.of(Long.toString(timestamp)),
                "webhook-signature", List.of(signature));
    }

    private static void verify(SigningSecret secret, String body, Map<String, List<String>> headers) throws Exception {
        new Webhook(secret.text()).verify(body, headers);
    }

    @Test
    void theLibraryAcceptsOurSignature() {
        long now = Instant.now().getEpochSecond();
        String signature = SigningKeys.of(List.of(current)).signature(ID, now, BODY);

        assertThat(signature).startsWith("v1,").doesNotContain(" ");
        assertThatCode(() -> verify(current, BODY, headers(ID, now, signature))).doesNotThrowAnyException();
    }

    @Test
    void duringAGracePeriodEitherSecretVerifies() {
        long now = Instant.now().getEpochSecond();
        String signature = SigningKeys.of(List.of(current, previous)).signature(ID, now, BODY);

        assertThat(signature.split(" ")).hasSize(2);
        assertThatCode(() -> verify(current, BODY, headers(ID, now, signature))).doesNotThrowAnyException();
        assertThatCode(() -> verify(previous, BODY, headers(ID, now, signature)))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> verify(SigningSecret.generate(), BODY, headers(ID, now, signature)))
                .isInstanceOf(WebhookVerificationException.class);
    }

    @Test
    void aTamperedBodyOrIdFailsVerification() {
        long now = Instant.now().getEpochSecond();
        String signature = SigningKeys.of(List.of(current)).signature(ID, now, BODY);

        assertThatThrownBy(() -> verify(current, BODY.replace("Ann", "Bob"), headers(ID, now, signature)))
                .isInstanceOf(WebhookVerificationException.class);
        assertThatThrownBy(() -> verify(current, BODY, headers(ID + "x", now, signature)))
                .isInstanceOf(WebhookVerificationException.class);
    }

    @Test
    void aSignatureTooOldForTheReceiversToleranceFails() {
        long tenMinutesAgo = Instant.now().minusSeconds(600).getEpochSecond();
        String signature = SigningKeys.of(List.of(current)).signature(ID, tenMinutesAgo, BODY);

        assertThatThrownBy(() -> verify(current, BODY, headers(ID, tenMinutesAgo, signature)))
                .isInstanceOf(WebhookVerificationException.class)
                .hasMessageContaining("too old");
    }

    @Test
    void noBodySignsTheEmptyString() {
        long now = Instant.now().getEpochSecond();
        String signature = SigningKeys.of(List.of(current)).signature(ID, now, null);

        assertThatCode(() -> verify(current, "", headers(ID, now, signature))).doesNotThrowAnyException();
    }

    @Test
    void noKeysMeansUnsigned() {
        assertThat(SigningKeys.none().signs()).isFalse();
        assertThat(SigningKeys.of(List.of()).signs()).isFalse();
    }

    @Test
    void aGivenSecretRoundTripsAndIsNeverShown() {
        String text = "whsec_" + Base64.getEncoder().encodeToString(new byte[24]);
        SigningSecret parsed = SigningSecret.parse(text);

        assertThat(parsed.text()).isEqualTo(text);
        assertThat(parsed.toString()).doesNotContain(text.substring(6));
        assertThat(SigningKeys.of(List.of(parsed)).toString()).doesNotContain(text.substring(6));
    }

    @Test
    void generatedSecretsAreStandardAndDistinct() {
        assertThat(current.text()).startsWith("whsec_").isNotEqualTo(previous.text());
        assertThat(Base64.getDecoder().decode(current.text().substring(6))).hasSize(32);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "secret",
                "whsec_",
                "whsec_not-base64!!",
                "whsec_c2hvcnQ=",
                "WHSEC_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                "whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
            })
    void malformedSecretsAreRefusedWithoutRepeatingThem(String text) {
        assertThatThrownBy(() -> SigningSecret.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("whsec_")
                .message()
                .satisfies(m -> {
                    if (text.length() > 6) {
                        assertThat(m).doesNotContain(text.substring(6));
                    }
                });
    }
}
