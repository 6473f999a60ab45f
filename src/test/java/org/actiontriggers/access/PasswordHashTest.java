package org.actiontriggers.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordHashTest {

    @Test
    void theRightPasswordMatchesAndAWrongOneDoesNot() {
        String hash = PasswordHash.of("correct horse".toCharArray());

        assertThat(hash).startsWith("pbkdf2-sha256:" + PasswordHash.ITERATIONS + ":");
        assertThat(PasswordHash.isWellFormed(hash)).isTrue();
        assertThat(PasswordHash.matches("correct horse".toCharArray(), hash)).isTrue();
        assertThat(PasswordHash.matches("correct horsE".toCharArray(), hash)).isFalse();
        assertThat(PasswordHash.matches(new char[0], hash)).isFalse();
    }

    @Test
    void theSamePasswordHashesDifferentlyEachTimeAndNeverShowsInTheHash() {
        String first = PasswordHash.of("s3cret-passw0rd".toCharArray());
        String second = PasswordHash.of("s3cret-passw0rd".toCharArray());

        assertThat(first).isNotEqualTo(second).doesNotContain("s3cret-passw0rd");
        assertThat(PasswordHash.matches("s3cret-passw0rd".toCharArray(), second))
                .isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "secret",
                "pbkdf2-sha256:1000:abc",
                "sha1:1000:c2FsdA==:aGFzaA==",
                "pbkdf2-sha256:x:c2FsdA==:aGFzaA=="
            })
    void malformedHashesMatchNothing(String hash) {
        assertThat(PasswordHash.isWellFormed(hash)).isFalse();
        assertThat(PasswordHash.matches("secret".toCharArray(), hash)).isFalse();
    }
}
