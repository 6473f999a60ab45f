package org.actiontriggers.secret;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The webhook signing secrets: rotation for the admin API, the keys in force for the sender, and the
 * start-up step that gives older webhooks a secret.
 *
 * <p>Plain secrets leave this class only as the return value of {@link #rotate}; they are never logged.
 */
@ApplicationScoped
public class SigningSecrets {

    /** The longest grace period a rotation may give the old secret. */
    public static final Duration MAX_GRACE_PERIOD = Duration.ofDays(30);

    /** The table the secrets live in; with the row id, what each ciphertext is bound to. */
    static final String TABLE = "action_triggers_webhook";

    private static final Logger LOG = Logger.getLogger(SigningSecrets.class.getName());

    @Inject
    DataSource dataSource;

    /** Asked on each use, so the cipher is the one of the settings in force. */
    @Inject
    Provider<SecretCipher> cipher;

    @Resource
    TransactionSynchronizationRegistry transactions;

    /** Moves after each transaction of this instance that changed a secret ended: see {@link #changes()}. */
    private final AtomicLong changes = new AtomicLong();

    /**
     * A counter that moves once a transaction of this instance that changed a secret (a rotation, a generated
     * secret) has ended, committed or not: keys read before it moved may be stale. A re-encryption changes no
     * secret, only its ciphertext, and leaves it alone.
     */
    public long changes() {
        return changes.get();
    }

    /** Moves {@link #changes()} when the caller's transaction ends, so a read after that sees the write. */
    private void changesWhenDone() {
        if (transactions.getTransactionKey() == null) {
            changes.incrementAndGet();
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                changes.incrementAndGet();
            }
        });
    }

    /**
     * Replaces the webhook's secret with a generated one; the old one keeps signing alongside the new one for
     * the grace period, so receivers can be updated without rejecting requests.
     *
     * @return the new plain secret — the only time it is shown
     * @throws IllegalArgumentException when there is no such webhook or the grace period is out of range
     */
    @Transactional
    public String rotate(long webhookId, Duration gracePeriod) {
        return rotate(webhookId, SigningSecret.generate(), gracePeriod);
    }

    /**
     * Replaces the webhook's secret with the one given; see {@link #rotate(long, Duration)}.
     *
     * @throws IllegalArgumentException also when the secret is malformed (the message does not repeat it)
     */
    @Transactional
    public String rotate(long webhookId, String newSecret, Duration gracePeriod) {
        return rotate(webhookId, SigningSecret.parse(newSecret), gracePeriod);
    }

    private String rotate(long webhookId, SigningSecret secret, Duration gracePeriod) {
        if (gracePeriod == null || gracePeriod.isNegative() || gracePeriod.compareTo(MAX_GRACE_PERIOD) > 0) {
            throw new IllegalArgumentException(
                    "the grace period must be between 0s and " + MAX_GRACE_PERIOD.toDays() + " days");
        }
        SecretCipher cipher = this.cipher.get();
        String select = "SELECT signing_secret FROM action_triggers_webhook WHERE id = ? FOR UPDATE";
        String update = "UPDATE action_triggers_webhook SET signing_secret = ?, previous_signing_secret = ?,"
                + " previous_signing_secret_until = ? WHERE id = ?";
        try (Connection c = dataSource.getConnection();
                PreparedStatement read = c.prepareStatement(select);
                PreparedStatement write = c.prepareStatement(update)) {
            read.setLong(1, webhookId);
            String old;
            try (ResultSet rs = read.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalArgumentException("there is no webhook " + webhookId);
                }
                old = rs.getString(1);
            }
            boolean keepOld = old != null && !gracePeriod.isZero();
            write.setString(1, cipher.encrypt(secret.text(), TABLE, webhookId));
            write.setString(2, keepOld ? old : null);
            write.setObject(3, keepOld ? OffsetDateTime.now(ZoneOffset.UTC).plus(gracePeriod) : null);
            write.setLong(4, webhookId);
            write.executeUpdate();
            changesWhenDone();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not rotate the signing secret of webhook " + webhookId, e);
        }
        LOG.info(() ->
                "Signing secret of webhook " + webhookId + " rotated; the previous one signs too for " + gracePeriod);
        return secret.text();
    }

    /**
     * The keys that sign the webhook's requests at {@code now}, or empty when the webhook no longer exists
     * (its deliveries cannot be signed any more).
     *
     * @throws UndecryptableSecretException when a stored secret does not decrypt with the configured key
     */
    public Optional<SigningKeys> keysFor(long webhookId, Instant now) {
        return keysInForce(webhookId, now).keys();
    }

    /**
     * The keys of {@link #keysFor}, and the moment they stop being the keys in force by themselves: the end
     * of the previous secret's grace period while it still signs, else {@code null}.
     *
     * @throws UndecryptableSecretException when a stored secret does not decrypt with the configured key
     */
    public KeysInForce keysInForce(long webhookId, Instant now) {
        String sql = "SELECT signing_enabled, signing_secret, previous_signing_secret, previous_signing_secret_until"
                + " FROM action_triggers_webhook WHERE id = ?";
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, webhookId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return new KeysInForce(Optional.empty(), null);
                }
                if (!rs.getBoolean("signing_enabled")) {
                    return new KeysInForce(Optional.of(SigningKeys.none()), null);
                }
                SecretCipher cipher = this.cipher.get();
                List<SigningSecret> secrets = new ArrayList<>();
                String current = rs.getString("signing_secret");
                if (current != null) {
                    secrets.add(SigningSecret.parse(cipher.decrypt(current, TABLE, webhookId)));
                }
                String previous = rs.getString("previous_signing_secret");
                OffsetDateTime until = rs.getObject("previous_signing_secret_until", OffsetDateTime.class);
                Instant previousEnds = null;
                if (previous != null && until != null && now.isBefore(until.toInstant())) {
                    secrets.add(SigningSecret.parse(cipher.decrypt(previous, TABLE, webhookId)));
                    previousEnds = until.toInstant();
                }
                if (secrets.isEmpty()) {
                    throw new UndecryptableSecretException("webhook " + webhookId + " has signing on but no secret");
                }
                return new KeysInForce(Optional.of(SigningKeys.of(secrets)), previousEnds);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the signing secret of webhook " + webhookId, e);
        }
    }

    /**
     * A webhook's signing keys as read, empty when it no longer exists, and when they stop being in force
     * without any write ({@code until}: the previous secret's grace period ends), {@code null} for never.
     */
    public record KeysInForce(Optional<SigningKeys> keys, Instant until) {}

    /**
     * Gives each webhook without a secret (saved before signing existed) a generated one; returns how many.
     * Plain SQL, not the entity: an old config that breaks a limit set later must not stop the start-up.
     */
    @Transactional
    public int generateMissing() {
        SecretCipher cipher = this.cipher.get();
        List<Long> without = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps =
                            c.prepareStatement("SELECT id FROM action_triggers_webhook WHERE signing_secret IS NULL");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    without.add(rs.getLong(1));
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE action_triggers_webhook SET signing_secret = ? WHERE id = ? AND signing_secret IS NULL")) {
                for (long id : without) {
                    ps.setString(1, cipher.encrypt(SigningSecret.generate().text(), TABLE, id));
                    ps.setLong(2, id);
                    ps.executeUpdate();
                }
            }
            if (!without.isEmpty()) {
                changesWhenDone();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not give the older webhooks a signing secret", e);
        }
        if (!without.isEmpty()) {
            LOG.info(() -> without.size() + " webhooks got a generated signing secret; rotate to learn it");
        }
        return without.size();
    }

    /**
     * Re-encrypts under the current key the secrets of up to {@code size} webhooks after {@code afterId} that
     * are not under it yet, in one transaction. A row changed meanwhile (e.g. rotated) is left for the next
     * run: the write happens only if the row still holds what was read.
     *
     * @return what this batch did; its {@code lastId} is where the next batch starts
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public ReEncryptionBatch reEncryptBatch(long afterId, int size) {
        SecretCipher cipher = this.cipher.get();
        String prefix = cipher.currentPrefix() + "%";
        String select = "SELECT id, signing_secret, previous_signing_secret FROM " + TABLE
                + " WHERE id > ? AND (signing_secret NOT LIKE ? OR previous_signing_secret NOT LIKE ?)"
                + " ORDER BY id FETCH FIRST ? ROWS ONLY";
        String update = "UPDATE " + TABLE + " SET signing_secret = ?, previous_signing_secret = ? WHERE id = ?"
                + " AND signing_secret IS NOT DISTINCT FROM ? AND previous_signing_secret IS NOT DISTINCT FROM ?";
        int reEncrypted = 0;
        int rows = 0;
        long lastId = afterId;
        List<Long> undecryptable = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement read = c.prepareStatement(select);
                PreparedStatement write = c.prepareStatement(update)) {
            read.setLong(1, afterId);
            read.setString(2, prefix);
            read.setString(3, prefix);
            read.setInt(4, size);
            try (ResultSet rs = read.executeQuery()) {
                while (rs.next()) {
                    rows++;
                    long id = rs.getLong(1);
                    lastId = id;
                    String current = rs.getString(2);
                    String previous = rs.getString(3);
                    try {
                        write.setString(1, reEncrypted(cipher, current, id));
                        write.setString(2, reEncrypted(cipher, previous, id));
                    } catch (UndecryptableSecretException e) {
                        undecryptable.add(id);
                        continue;
                    }
                    write.setLong(3, id);
                    write.setString(4, current);
                    write.setString(5, previous);
                    reEncrypted += write.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not re-encrypt the signing secrets after webhook " + afterId, e);
        }
        return new ReEncryptionBatch(rows, reEncrypted, undecryptable, lastId);
    }

    /** How many webhooks hold a secret not (yet) encrypted under the current key. */
    public long notUnderCurrentKey() {
        String prefix = cipher.get().currentPrefix() + "%";
        String sql = "SELECT COUNT(*) FROM " + TABLE + " WHERE signing_secret NOT LIKE ? OR previous_signing_secret"
                + " NOT LIKE ?";
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, prefix);
            ps.setString(2, prefix);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not count the signing secrets to re-encrypt", e);
        }
    }

    private static String reEncrypted(SecretCipher cipher, String stored, long id) {
        if (stored == null || stored.startsWith(cipher.currentPrefix())) {
            return stored;
        }
        return cipher.encrypt(cipher.decrypt(stored, TABLE, id), TABLE, id);
    }

    /**
     * What one re-encryption batch did.
     *
     * @param rows webhooks looked at (0: there is nothing left after the batch's start)
     * @param reEncrypted webhooks whose secrets now are under the current key
     * @param undecryptable webhooks whose secrets no configured key reads; left as they are
     * @param lastId the last webhook looked at
     */
    public record ReEncryptionBatch(int rows, int reEncrypted, List<Long> undecryptable, long lastId) {}
}
