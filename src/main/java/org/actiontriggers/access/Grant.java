package org.actiontriggers.access;

/** What a caller may do with the admin API and the console. */
public enum Grant {
    /** Not signed in. */
    ANONYMOUS,
    /** Signed in, with neither of our roles. */
    NONE,
    /** May read. */
    VIEWER,
    /** May do everything. */
    ADMIN;

    public boolean mayRead() {
        return this == VIEWER || this == ADMIN;
    }

    public boolean mayChange() {
        return this == ADMIN;
    }
}
