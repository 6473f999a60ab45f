package org.actiontriggers.deliver.broker;

/** A publish that retrying cannot fix: ends the quick in-process retries at once. */
class BrokerRefusedException extends BrokerException {

    private static final long serialVersionUID = 1L;

    BrokerRefusedException(BrokerException cause) {
        super(cause.getMessage(), false, cause);
    }
}
