package org.actiontriggers.trigger;

/**
 * The caller changed a config on the strength of a version it had read (an API client's {@code If-Match}, the
 * console's edit form), and the config has moved on since: someone else saved it. Nothing was written; the
 * caller should read the config again, so that it does not overwrite a change it has not seen.
 */
public class ConfigVersionMismatchException extends RuntimeException {

    private final long id;
    private final long currentVersion;

    public ConfigVersionMismatchException(long id, long currentVersion) {
        super("config " + id + " is now at version " + currentVersion + ", not the one this change was based on");
        this.id = id;
        this.currentVersion = currentVersion;
    }

    public long id() {
        return id;
    }

    /** The version stored now, which a fresh read returns. */
    public long currentVersion() {
        return currentVersion;
    }
}
