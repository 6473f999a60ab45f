package org.actiontriggers.boot;

import org.actiontriggers.settings.Settings;

/**
 * Raised once at start-up after the settings are valid, the schema is migrated and the active configs are
 * loaded: the point from which the dispatch stage may start working.
 */
public record ActionTriggersStarted(Settings settings) {}
