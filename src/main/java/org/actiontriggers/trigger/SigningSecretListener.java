package org.actiontriggers.trigger;

import jakarta.inject.Inject;
import jakarta.persistence.PrePersist;
import org.actiontriggers.secret.SigningSecret;
import org.actiontriggers.settings.TriggerSettings;

/**
 * Gives every new {@link Webhook} an encrypted signing secret — the one its creator chose, or a generated
 * one — whatever code path persists it, so no webhook is ever saved without one.
 */
public class SigningSecretListener {

    @Inject
    TriggerSettings settings;

    @PrePersist
    void issueSecret(Webhook webhook) {
        if (webhook.getEncryptedSigningSecret() != null) {
            return;
        }
        SigningSecret secret = webhook.pendingSigningSecret();
        if (secret == null) {
            secret = SigningSecret.generate();
            webhook.issueSigningSecret(secret);
        }
        webhook.setEncryptedSigningSecret(settings.current().secretCipher().encrypt(secret.text()));
    }
}
