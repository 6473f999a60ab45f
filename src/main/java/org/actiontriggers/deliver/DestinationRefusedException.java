package org.actiontriggers.deliver;

import java.net.UnknownHostException;

/**
 * A webhook's host is, or resolves to, an address webhooks may not reach; nothing was sent. An {@link
 * UnknownHostException} because that is what the HTTP client's resolver may throw.
 */
public class DestinationRefusedException extends UnknownHostException {

    public DestinationRefusedException(String message) {
        super(message);
    }
}
