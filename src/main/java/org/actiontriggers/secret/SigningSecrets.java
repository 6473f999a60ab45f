package org.actiontriggers.secret;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
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

    private static final Logger LOG = Logger.getLogger(SigningSecrets.class.getName());

    @Inject
    DataSource dataSource;

    /** Asked on each use, so the cipher is the one of the settings in force. */
    @Inject
    Provider<SecretCipher> cipher;

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
            write.setString(1, cipher.encrypt(secret.text()));
            write.setString(2, keepOld ? old : null);
            write.setObject(3, keepOld ? OffsetDateTime.now(ZoneOffset.UTC).plus(gracePeriod) : null);
            write.setLong(4, webhookId);
            write.executeUpdate();
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
        String sql = "SELECT signing_enabled, signing_secret, previous_signing_secret, previous_signing_secret_until"
                + " FROM action_triggers_webhook WHERE id = ?";
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, webhookId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                if (!rs.getBoolean("signing_enabled")) {
                    return Optional.of(SigningKeys.none());
                }
                SecretCipher cipher = this.cipher.get();
                List<SigningSecret> secrets = new ArrayList<>();
                String current = rs.getString("signing_secret");
                if (current != null) {
                    secrets.add(SigningSecret.parse(cipher.decrypt(current)));
                }
                String previous = rs.getString("previous_signing_secret");
                OffsetDateTime until = rs.getObject("previous_signing_secret_until", OffsetDateTime.class);
                if (previous != null && until != null && now.isBefore(until.toInstant())) {
                    secrets.add(SigningSecret.parse(cipher.decrypt(previous)));
                }
                if (secrets.isEmpty()) {
                    throw new UndecryptableSecretException("webhook " + webhookId + " has signing on but no secret");
                }
                return Optional.of(SigningKeys.of(secrets));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the signing secret of webhook " + webhookId, e);
        }
    }

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
                    ps.setString(1, cipher.encrypt(SigningSecret.generate().text()));
                    ps.setLong(2, id);
                    ps.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not give the older webhooks a signing secret", e);
        }
        if (!without.isEmpty()) {
            LOG.info(() -> without.size() + " webhooks got a generated signing secret; rotate to learn it");
        }
        return without.size();
    }
}
