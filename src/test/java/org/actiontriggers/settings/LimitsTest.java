package org.actiontriggers.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LimitsTest {

    private final Limits limits = new Limits(10, 2, 20, 100, 2);

    @Test
    void aPayloadAtTheLimitPassesOneByteMoreDoesNot() {
        assertThat(limits.payloadProblem("0123456789")).isNull();
        assertThat(limits.payloadProblem("01234567é")).isNull();
        assertThat(limits.payloadProblem("0123456789a")).isNotNull();
        assertThat(limits.payloadProblem("012345678é")).isNotNull();
    }

    @Test
    void aPayloadOverTheLimitIsNamedWithItsSetting() {
        assertThat(limits.payloadProblem("0123456789a")).contains("11 bytes", Settings.MAX_PAYLOAD_SIZE);
        assertThat(limits.payloadProblem("0123456789é")).contains("12 bytes");
    }

    @Test
    void tooManyOrTooLargeHeadersAreNamedButTheirValuesNeverShown() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("A", "1");
        headers.put("Authorization", "Bearer s3cr3t-v4lue-xyz");
        headers.put("C", "3");

        List<String> problems = limits.headerProblems(headers);

        assertThat(problems).hasSize(2);
        assertThat(problems.get(0)).contains("at most 2 headers", Settings.MAX_HEADERS);
        assertThat(problems.get(1)).contains("'Authorization'", Settings.MAX_HEADER_SIZE);
        assertThat(String.join(" ", problems)).doesNotContain("s3cr3t");
    }

    @Test
    void aConfigWithTooManyWebhooksIsRefused() {
        assertThat(limits.problems(List.of(Map.of(), Map.of(), Map.of())))
                .singleElement()
                .asString()
                .contains("at most 2 webhooks", Settings.MAX_WEBHOOKS_PER_CONFIG);
    }

    @Test
    void aConfigWithinTheLimitsHasNoProblems() {
        assertThat(limits.problems(List.of(Map.of("X", "y")))).isEmpty();
    }
}
