package org.actiontriggers.outbox;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Time-ordered delivery ids (UUID version 7): unique across instances without a database round trip, and
 * ordered by creation so the outbox index stays compact.
 */
public final class DeliveryIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private DeliveryIds() {}

    public static String next() {
        long millis = System.currentTimeMillis();
        long high = (millis << 16) | 0x7000L | (RANDOM.nextInt() & 0x0FFFL);
        long low = 0x8000_0000_0000_0000L | (RANDOM.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL);
        return new UUID(high, low).toString();
    }
}
