/**
 * Webhook signing secrets: the Standard Webhooks secret ({@code SigningSecret}) and the keys that sign a
 * request ({@code SigningKeys}), their encryption at rest ({@code SecretCipher}, AES-256-GCM), rotation and
 * look-up ({@code SigningSecrets}), and the masking of secret header values wherever a config is shown
 * ({@code SecretMasker}). No plain secret leaves this package except where a caller asked for it.
 *
 * <p>Depends on {@code template} only, whose reference scanner tells a {@code {{ path }}} (shown as written)
 * from the text around it.
 */
package org.actiontriggers.secret;
