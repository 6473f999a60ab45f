/**
 * Start-up: the application's JTA data source, where our tables live ({@code DataSourceProducer}, named by
 * {@code action-triggers.datasource} and checked), the versioned schema migration ({@code SchemaMigrator}),
 * {@code Startup} — run by {@code StartupListener} with the web application — which loads the settings, checks
 * the data source, migrates, gives older webhooks a signing secret, loads the active configs into the trigger
 * cache and then fires {@code ActionTriggersStarted} for the stages that run in the background, and the check of
 * the stored configs against the settings in force ({@code StoredConfigCheck}).
 *
 * <p>Depends on {@code trigger}, {@code settings} and {@code secret}.
 */
package org.actiontriggers.boot;
