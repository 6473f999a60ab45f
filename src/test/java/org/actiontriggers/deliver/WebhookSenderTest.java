package org.actiontriggers.deliver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookSenderTest {

    @Test
    void retryAfterInSeconds() {
        assertThat(WebhookSender.parseRetryAfter("120")).isEqualTo(Duration.ofSeconds(120));
        assertThat(WebhookSender.parseRetryAfter(" 30 ")).isEqualTo(Duration.ofSeconds(30));
        assertThat(WebhookSender.parseRetryAfter("0")).isEqualTo(Duration.ZERO);
    }

    @Test
    void negativeSecondsMeanNow() {
        assertThat(WebhookSender.parseRetryAfter("-5")).isEqualTo(Duration.ZERO);
    }

    @Test
    void retryAfterAsFutureHttpDate() {
        String inTwoMinutes =
                ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(120).format(DateTimeFormatter.RFC_1123_DATE_TIME);

        assertThat(WebhookSender.parseRetryAfter(inTwoMinutes))
                .isBetween(Duration.ofSeconds(110), Duration.ofSeconds(120));
    }

    @Test
    void pastHttpDateMeansNow() {
        assertThat(WebhookSender.parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT"))
                .isEqualTo(Duration.ZERO);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "soon", "1.5", "12abc", "2015-10-21T07:28:00Z", "Wed, 32 Oct 2015 07:28:00 GMT"})
    void garbageIsUnreadable(String value) {
        assertThat(WebhookSender.parseRetryAfter(value)).isNull();
    }

    @Test
    void aRetryAfterTooLongForALongIsStillALongWait() {
        assertThat(WebhookSender.parseRetryAfter("99999999999999999999")).isGreaterThan(Duration.ofDays(1));
    }
}
