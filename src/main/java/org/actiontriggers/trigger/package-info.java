/**
 * What triggers what: the {@code Config}, {@code Webhook}, {@code MessageBrokerQueue} and {@code ConfigSignal}
 * entities (Django Action Triggers' vocabulary) and their repository, the write use cases
 * ({@code ConfigService}), the one validation of a config ({@code ConfigValidator}: a {@code ConfigDraft} in,
 * {@code Violation}s with JSON pointers out) that the API, the console and start-up share, the field names of
 * the config's document those pointers step through ({@code ConfigField}), the rules a
 * configured header must meet ({@code HeaderRules}), which the sender applies again at send time, the entity
 * listeners that enforce limits and issue signing secrets whatever code path saves a webhook, and the
 * in-memory {@code ActiveTriggers} cache the saving transaction consults ({@code TriggerTarget}), and where a
 * delivery goes: the sealed {@code Destination} (a webhook or a broker queue), which also fills and reads its
 * own columns of the outbox row.
 *
 * <p>Depends on {@code settings}, {@code secret} and {@code template} only. Whether a payload template
 * renders is asked through {@code template.TemplateChecker}, which the record stage implements.
 */
package org.actiontriggers.trigger;
