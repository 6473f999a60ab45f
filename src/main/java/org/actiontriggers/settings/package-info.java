/**
 * The validated {@code action-triggers.*} settings: {@code Settings}, read from MicroProfile Config by
 * {@code TriggerSettings} and checked by {@code SettingsParser} with messages that name the key, and the
 * value types they are made of — {@code Limits}, durations, data sizes, {@code Subnet}s and the brokers
 * defined by name ({@code BrokerDefinition}; the keys each broker type takes are asked through
 * {@code BrokerCatalog}, which the deliver stage implements), and the application's persistence unit whose
 * entity names the settings are checked against ({@code ApplicationUnit}).
 *
 * <p>Depends on {@code secret} (the cipher the encryption key setting yields) and {@code template} (what a
 * member path is, for the allowed dynamic import paths).
 */
package org.actiontriggers.settings;
