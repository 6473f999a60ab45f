package org.actiontriggers.secret;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * Moves every stored signing secret to the current encryption key, after the key was replaced (the old one
 * listed in {@value SecretCipher#PREVIOUS_KEYS_SETTING} until this is done).
 *
 * <p>In batches, each its own transaction, so a large table is not locked at once and an interrupted run
 * loses nothing. Resumable and idempotent by construction: a batch picks only rows not yet under the current
 * key, so running again continues where the last run stopped and, once everything is moved, changes nothing.
 * Rows no configured key reads are reported by id and left as they are. Neither a secret nor a key is logged.
 */
@ApplicationScoped
public class SecretReEncryption {

    private static final Logger LOG = Logger.getLogger(SecretReEncryption.class.getName());

    @Inject
    SigningSecrets secrets;

    @Inject
    Provider<SecretCipher> cipher;

    /**
     * Runs batches until nothing is left or {@code maxBatches} ran.
     *
     * @param maxBatches at most this many batches; 0 for no limit
     */
    public Report run(int batchSize, int maxBatches) {
        long after = 0;
        int batches = 0;
        int reEncrypted = 0;
        List<Long> undecryptable = new ArrayList<>();
        while (maxBatches == 0 || batches < maxBatches) {
            SigningSecrets.ReEncryptionBatch batch = secrets.reEncryptBatch(after, batchSize);
            if (batch.rows() == 0) {
                break;
            }
            batches++;
            reEncrypted += batch.reEncrypted();
            undecryptable.addAll(batch.undecryptable());
            after = batch.lastId();
        }
        Report report = new Report(
                cipher.get().currentKeyId(), batches, reEncrypted, undecryptable, secrets.notUnderCurrentKey());
        LOG.info(() -> "Re-encryption under key " + report.keyId() + ": " + report.reEncrypted()
                + " webhooks moved in " + report.batches() + " batches, " + report.remaining()
                + " not under this key yet" + (undecryptable.isEmpty() ? "" : ", unreadable: " + undecryptable));
        return report;
    }

    /**
     * What a run did.
     *
     * @param keyId the current key's id, which every moved value now names
     * @param undecryptable webhooks whose secrets no configured key reads
     * @param remaining webhooks whose secrets are not under the current key after the run (0 when done)
     */
    public record Report(String keyId, int batches, int reEncrypted, List<Long> undecryptable, long remaining) {}
}
