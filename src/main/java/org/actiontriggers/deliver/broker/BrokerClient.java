package org.actiontriggers.deliver.broker;

/** One open connection to a message broker, created once per effective connection and shared by all deliveries. */
public interface BrokerClient extends AutoCloseable {

    /** Publishes one message and returns only after the broker acknowledged it. */
    void publish(BrokerMessage message) throws BrokerException;

    /** Whether the connection is usable now, without sending anything (for MP Health). */
    boolean isConnected();

    /** Closes the connection; never throws. */
    @Override
    void close();
}
