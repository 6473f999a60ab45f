package org.actiontriggers.deliver.broker;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the broker libraries' own loggers at WARNING: Kafka alone logs dozens of INFO lines per producer and
 * per reconnect. The loggers are held here because {@code java.util.logging} keeps loggers only weakly, and a
 * collected logger would lose its level. An operator can still lower the level in the server's logging
 * configuration after deployment.
 */
final class LibraryLogging {

    private static final List<Logger> QUIETED = new CopyOnWriteArrayList<>();

    private LibraryLogging() {}

    static void quiet(String loggerName) {
        Logger logger = Logger.getLogger(loggerName);
        if (QUIETED.contains(logger)) {
            return;
        }
        if (logger.getLevel() == null || logger.getLevel().intValue() < Level.WARNING.intValue()) {
            logger.setLevel(Level.WARNING);
        }
        QUIETED.add(logger);
    }
}
