package org.actiontriggers.admin.auth;

import java.util.Set;

/**
 * Someone who may sign in to the admin API.
 *
 * @param passwordHash a {@link PasswordHash}
 * @param groups the roles the account has ({@code action-triggers-admin}, {@code action-triggers-viewer})
 */
record Account(String username, String passwordHash, Set<String> groups) {

    static final String ADMIN_ROLE = "action-triggers-admin";
    static final String VIEWER_ROLE = "action-triggers-viewer";

    @Override
    public String toString() {
        return "Account[" + username + " " + groups + "]";
    }
}
