package org.actiontriggers.deliver;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.actiontriggers.secret.SigningKeys;
import org.actiontriggers.secret.SigningSecrets;
import org.actiontriggers.trigger.ActiveTriggers;

/**
 * Each webhook's signing keys, read and decrypted once and kept while nothing can have changed them: reading
 * them for every request cost a query and an AES-GCM decryption per delivery, about a third of the send
 * path's CPU time in benchmark case 8.
 *
 * <p>An entry is read again when this instance loaded a new config revision (a webhook saved, deleted or
 * switched off on any instance, see {@link ActiveTriggers}), when this instance wrote a secret ({@link
 * SigningSecrets#changes()}: a rotation is in force for the very next request), when the previous secret's
 * grace period ends, and after at most {@link #MAX_AGE}: the bound on how late a rotation made by another
 * instance signs here — a grace period keeps the old secret valid meanwhile. An unreadable secret is not kept.
 */
@ApplicationScoped
public class SigningKeyCache {

    /** How long keys read here are used without reading them again, when nothing said they changed. */
    static final Duration MAX_AGE = Duration.ofSeconds(1);

    @Inject
    SigningSecrets secrets;

    @Inject
    ActiveTriggers triggers;

    private final Map<Long, Entry> entries = new ConcurrentHashMap<>();
    private volatile long revisionSeen = Long.MIN_VALUE;
    private LongSupplier nanoClock = System::nanoTime;

    private record Entry(Optional<SigningKeys> keys, long revision, long changes, long readAt, Instant until) {}

    /**
     * The keys that sign the webhook's requests at {@code now}, or empty when the webhook no longer exists.
     *
     * @throws org.actiontriggers.secret.UndecryptableSecretException when a stored secret does not decrypt
     */
    public Optional<SigningKeys> keysFor(long webhookId, Instant now) {
        long revision = triggers.loadedRevision();
        long changes = secrets.changes();
        long nanos = nanoClock.getAsLong();
        if (revision != revisionSeen) {
            // webhooks may be gone: drop them all rather than keep an entry per webhook ever sent to
            entries.clear();
            revisionSeen = revision;
        }
        Entry entry = entries.get(webhookId);
        if (entry != null && fresh(entry, revision, changes, nanos, now)) {
            return entry.keys();
        }
        SigningSecrets.KeysInForce read = secrets.keysInForce(webhookId, now);
        entries.put(webhookId, new Entry(read.keys(), revision, changes, nanos, read.until()));
        return read.keys();
    }

    private static boolean fresh(Entry entry, long revision, long changes, long nanos, Instant now) {
        return entry.revision() == revision
                && entry.changes() == changes
                && nanos - entry.readAt() < MAX_AGE.toNanos()
                && (entry.until() == null || now.isBefore(entry.until()));
    }

    /** For tests: the clock that ages entries. */
    void useNanoClock(LongSupplier clock) {
        nanoClock = clock;
    }
}
