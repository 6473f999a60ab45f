package org.actiontriggers.secret;

/** A stored signing secret cannot be decrypted with the configured key; the message never holds secret data. */
public class UndecryptableSecretException extends RuntimeException {

    public UndecryptableSecretException(String message) {
        super(message, null, false, false);
    }
}
