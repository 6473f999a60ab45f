package org.actiontriggers.access;

/**
 * Someone who may sign in with the built-in mechanism.
 *
 * @param passwordHash a {@link PasswordHash}
 * @param admin whether they may change things; otherwise they may only read
 */
record Account(String username, String passwordHash, boolean admin) {

    @Override
    public String toString() {
        return "Account[" + username + (admin ? " admin" : " viewer") + "]";
    }
}
