/**
 * Start-up: the data source of our tables ({@code DataSourceProducer}), the versioned schema migration
 * ({@code SchemaMigrator}), {@code Startup}, which loads the settings, migrates, gives older webhooks a signing
 * secret, loads the active configs into the trigger cache and then fires {@code ActionTriggersStarted} for the stages that run in the background, and the check of the
 * stored configs against the settings in force ({@code StoredConfigCheck}).
 *
 * <p>Depends on {@code trigger}, {@code settings} and {@code secret}.
 */
package org.actiontriggers.boot;
