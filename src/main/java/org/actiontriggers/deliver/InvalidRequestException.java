package org.actiontriggers.deliver;

/** A delivery cannot become a valid HTTP request (say, a header name HTTP does not allow): nothing is sent. */
public class InvalidRequestException extends RuntimeException {

    public InvalidRequestException(String message) {
        super(message, null, false, false);
    }
}
