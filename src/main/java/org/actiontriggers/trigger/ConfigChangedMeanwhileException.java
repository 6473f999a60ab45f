package org.actiontriggers.trigger;

/**
 * Another transaction changed or deleted a config between the moment this copy was loaded and its save;
 * nothing of the save is kept. Reading the config again and retrying is the way out.
 */
public class ConfigChangedMeanwhileException extends RuntimeException {

    public ConfigChangedMeanwhileException(String message) {
        super(message);
    }
}
