package org.actiontriggers.deliver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.actiontriggers.secret.SigningKeys;
import org.actiontriggers.secret.SigningSecret;
import org.actiontriggers.secret.SigningSecrets;
import org.actiontriggers.secret.UndecryptableSecretException;
import org.actiontriggers.trigger.ActiveTriggers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SigningKeyCacheTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    private final AtomicInteger reads = new AtomicInteger();
    private final AtomicLong revision = new AtomicLong(7);
    private final AtomicLong changes = new AtomicLong();
    private final AtomicLong nanos = new AtomicLong();
    private Instant until;
    private boolean undecryptable;
    private final SigningKeyCache cache = new SigningKeyCache();

    @BeforeEach
    void wire() {
        cache.secrets = new SigningSecrets() {
            @Override
            public long changes() {
                return changes.get();
            }

            @Override
            public KeysInForce keysInForce(long webhookId, Instant now) {
                reads.incrementAndGet();
                if (undecryptable) {
                    throw new UndecryptableSecretException("no key");
                }
                return new KeysInForce(Optional.of(SigningKeys.of(List.of(SigningSecret.generate()))), until);
            }
        };
        cache.triggers = new ActiveTriggers() {
            @Override
            public long loadedRevision() {
                return revision.get();
            }
        };
        cache.useNanoClock(nanos::get);
    }

    @Test
    void keysAreReadOnceWhileNothingChanged() {
        Optional<SigningKeys> first = cache.keysFor(1, NOW);

        assertThat(cache.keysFor(1, NOW)).isSameAs(first);
        assertThat(reads).hasValue(1);
        cache.keysFor(2, NOW);
        assertThat(reads).hasValue(2);
    }

    @Test
    void aRotationOnThisInstanceIsReadAtOnce() {
        cache.keysFor(1, NOW);
        changes.incrementAndGet();

        cache.keysFor(1, NOW);

        assertThat(reads).hasValue(2);
    }

    @Test
    void aNewConfigRevisionReadsEveryWebhookAgain() {
        cache.keysFor(1, NOW);
        cache.keysFor(2, NOW);
        revision.incrementAndGet();

        cache.keysFor(1, NOW);
        cache.keysFor(2, NOW);

        assertThat(reads).hasValue(4);
    }

    @Test
    void keysAreReadAgainAfterTheMaximumAge() {
        cache.keysFor(1, NOW);
        nanos.addAndGet(SigningKeyCache.MAX_AGE.toNanos() - 1);
        cache.keysFor(1, NOW);
        assertThat(reads).hasValue(1);

        nanos.addAndGet(1);
        cache.keysFor(1, NOW);

        assertThat(reads).hasValue(2);
    }

    @Test
    void theEndOfAGracePeriodIsReadAgain() {
        until = NOW.plus(Duration.ofMillis(10));
        cache.keysFor(1, NOW);
        cache.keysFor(1, NOW.plusMillis(9));
        assertThat(reads).hasValue(1);

        cache.keysFor(1, NOW.plusMillis(10));

        assertThat(reads).hasValue(2);
    }

    @Test
    void anUnreadableSecretIsNotKept() {
        undecryptable = true;
        assertThatThrownBy(() -> cache.keysFor(1, NOW)).isInstanceOf(UndecryptableSecretException.class);
        assertThatThrownBy(() -> cache.keysFor(1, NOW)).isInstanceOf(UndecryptableSecretException.class);

        assertThat(reads).hasValue(2);
    }
}
