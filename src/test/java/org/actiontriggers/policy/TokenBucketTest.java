package org.actiontriggers.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The rate limit's bucket: refill, the small burst, and the wait for the next token. */
class TokenBucketTest {

    private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");

    @Test
    void aNewBucketIsFullAndHoldsATwentiethOfASecond() {
        assertThat(new TokenBucket(100).tokens(null, null, T0)).isEqualTo(5.0);
        assertThat(new TokenBucket(5).tokens(null, null, T0)).isEqualTo(1.0);
    }

    @Test
    void refillsAtTheRateUpToTheCapacity() {
        TokenBucket bucket = new TokenBucket(100);
        assertThat(bucket.tokens(0.0, T0, T0.plusMillis(20))).isEqualTo(2.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(bucket.tokens(0.0, T0, T0.plusSeconds(10))).isEqualTo(5.0);
        assertThat(bucket.tokens(1.0, T0, T0.minusSeconds(1))).isEqualTo(1.0);
    }

    @Test
    void neverMoreThanTheRatePlusTheBurstInAnySecond() {
        double rate = 20;
        TokenBucket bucket = new TokenBucket(rate);
        Double tokens = null;
        Instant at = null;
        int sent = 0;
        // someone asking every millisecond for one second
        for (int ms = 0; ms < 1000; ms++) {
            Instant now = T0.plusMillis(ms);
            double available = bucket.tokens(tokens, at, now);
            if (available >= 1) {
                available -= 1;
                sent++;
            }
            tokens = available;
            at = now;
        }
        assertThat(sent).isLessThanOrEqualTo((int) (rate * 1.05) + 1).isGreaterThanOrEqualTo((int) rate);
    }

    @Test
    void saysHowLongUntilTheNextToken() {
        TokenBucket bucket = new TokenBucket(10);
        assertThat(bucket.untilNext(0.5)).isEqualTo(Duration.ofMillis(50));
        assertThat(bucket.untilNext(1.2)).isEqualTo(Duration.ZERO);
    }

    @Test
    void refusesARateOfZero() {
        assertThatThrownBy(() -> new TokenBucket(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
