/**
 * What triggers what: the {@code Config}, {@code Webhook}, {@code MessageBrokerQueue} and {@code ConfigSignal}
 * model (Django Action Triggers' vocabulary, plain objects) and their JDBC {@code ConfigRepository} — the one
 * place that writes the trigger tables, and so the one place that checks limits and templates and encrypts
 * new signing secrets whatever code path saves a config — the write use cases ({@code ConfigService}), the
 * one validation of a config ({@code ConfigValidator}: a {@code ConfigDraft} in, {@code Violation}s with JSON
 * pointers out) that the API, the console and start-up share, the field names of the config's document those
 * pointers step through ({@code ConfigField}), the rules a configured header must meet ({@code HeaderRules}),
 * which the sender applies again at send time, the config revision that makes a change take effect on every
 * instance after the commit ({@code ConfigRevision}), the in-memory {@code ActiveTriggers} cache the saving
 * transaction consults ({@code TriggerTarget}), and where a delivery goes: the sealed {@code Destination} (a
 * webhook or a broker queue), which also fills and reads its own columns of the outbox row.
 *
 * <p>No JPA: a library that brought its own persistence unit would make a host application's unnamed
 * {@code @PersistenceContext} ambiguous. The trigger tables are read and written through the configured JTA
 * DataSource, in the caller's transaction.
 *
 * <p>A config's optional condition is parsed by the {@code condition} package when it is validated, saved and
 * loaded into {@code ActiveTriggers}, whose {@code TriggerTarget}s carry it parsed, so that the saving
 * transaction only evaluates it.
 *
 * <p>Depends on {@code settings}, {@code secret}, {@code template} and {@code condition} only. Whether a payload template
 * renders is asked through {@code template.TemplateChecker}, which the record stage implements.
 */
package org.actiontriggers.trigger;
