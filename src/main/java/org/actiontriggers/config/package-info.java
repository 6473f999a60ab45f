/**
 * What triggers what, and under which rules: the {@code Config}, {@code Webhook}, {@code MessageBrokerQueue}
 * and {@code ConfigSignal} entities (Django Action Triggers' vocabulary), the brokers defined in the settings
 * ({@code BrokerDefinition}; the keys each broker type takes are asked through {@code BrokerCatalog}, which
 * the deliver stage implements), the validated {@code action-triggers.*} settings, the
 * in-memory {@code ActiveTriggers} cache the saving transaction consults, the webhook signing secrets
 * ({@code SigningSecrets}, encrypted at rest by {@code SecretCipher}), the payload template language and its
 * sandbox check ({@code TemplateSyntax}, {@code TemplateValidator}), limits, schema migration and start-up.
 * in-memory {@code ActiveTriggers} cache the saving transaction consults, schema migration and start-up, and
 * the one validation of a config ({@code ConfigValidator}: a {@code ConfigDraft} in, {@code Violation}s with
 * JSON pointers out) that the API and the console share. Template parsing is asked through the
 * {@code TemplateChecker} interface, which the record stage implements.
 *
 * <p>Depends on nothing else of ours; every other package may depend on it.
 */
package org.actiontriggers.config;
