package org.actiontriggers.trigger;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.ExcludeDefaultListeners;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.util.LinkedHashMap;
import java.util.Map;
import org.actiontriggers.secret.SecretCipher;
import org.actiontriggers.secret.SigningSecret;
import org.actiontriggers.secret.SigningSecrets;

/**
 * Where a {@link Config} sends its payload: URL, method, headers and an optional timeout.
 *
 * <p>Header values may hold {@code {{ fully.qualified.Class.member }}}: such references are resolved only
 * when the request is sent, and only for the allowed dynamic import paths, so secrets need not be stored.
 *
 * <p>Every request is signed per the Standard Webhooks spec unless signing is turned off. The signing secret
 * is stored only encrypted ({@link SecretCipher}); the plain secret is handed out once, by {@link
 * #issuedSigningSecret()} right after the webhook was saved, or by {@link SigningSecrets#rotate}.
 */
@Entity
@Table(name = "action_triggers_webhook")
@ExcludeDefaultListeners
@EntityListeners({LimitsListener.class, SigningSecretListener.class, ConfigChangeListener.class})
public class Webhook {

    @Id
    @SequenceGenerator(name = "webhook_seq", sequenceName = "action_triggers_webhook_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "webhook_seq")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "config_id", nullable = false)
    private Config config;

    @Column(name = "url", nullable = false, length = 2048)
    private String url;

    @Enumerated(EnumType.STRING)
    @Column(name = "http_method", nullable = false, length = 10)
    private HttpMethod httpMethod = HttpMethod.POST;

    @Convert(converter = HeadersConverter.class)
    @Column(name = "headers", length = 65_536)
    private Map<String, String> headers = new LinkedHashMap<>();

    @Column(name = "timeout_secs")
    private Double timeoutSecs;

    @Column(name = "signing_enabled", nullable = false)
    private boolean signingEnabled = true;

    /**
     * Written once, when the webhook is inserted; never by an update, so that saving a copy loaded before a
     * rotation cannot put the old secret back. Rotation ({@link SigningSecrets}) writes the column directly.
     */
    @Column(name = "signing_secret", length = 512, updatable = false)
    private String encryptedSigningSecret;

    /** The plain secret chosen by the caller or generated on persist; never stored, handed out once. */
    @Transient
    private SigningSecret issuedSigningSecret;

    public Webhook() {}

    /** The seed page's step 3: {@code Webhook.objects.create(config=…, url=…, method=…, headers=…, timeout_secs=…)}. */
    public Webhook(Config config, String url, HttpMethod httpMethod, Map<String, String> headers, Double timeoutSecs) {
        this.url = url;
        this.httpMethod = httpMethod == null ? HttpMethod.POST : httpMethod;
        this.headers = headers == null ? new LinkedHashMap<>() : new LinkedHashMap<>(headers);
        this.timeoutSecs = timeoutSecs;
        if (config != null) {
            config.addWebhook(this);
        }
    }

    public Long getId() {
        return id;
    }

    public Config getConfig() {
        return config;
    }

    void setConfig(Config config) {
        this.config = config;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public HttpMethod getHttpMethod() {
        return httpMethod;
    }

    public void setHttpMethod(HttpMethod httpMethod) {
        this.httpMethod = httpMethod;
    }

    public Map<String, String> getHeaders() {
        return headers;
    }

    public void setHeaders(Map<String, String> headers) {
        this.headers = headers == null ? new LinkedHashMap<>() : new LinkedHashMap<>(headers);
    }

    /** Seconds; {@code null} means the max webhook timeout applies. */
    public Double getTimeoutSecs() {
        return timeoutSecs;
    }

    public void setTimeoutSecs(Double timeoutSecs) {
        this.timeoutSecs = timeoutSecs;
    }

    /** Whether requests carry a {@code webhook-signature}; on by default. */
    public boolean isSigningEnabled() {
        return signingEnabled;
    }

    public void setSigningEnabled(boolean signingEnabled) {
        this.signingEnabled = signingEnabled;
    }

    /**
     * Uses this secret instead of a generated one; only before the webhook is first saved (an existing
     * webhook changes its secret through {@link SigningSecrets#rotate}, which keeps the old one valid for a
     * grace period).
     *
     * @param secret {@code whsec_} + base64 of 24 to 64 bytes
     * @throws IllegalArgumentException when the secret is malformed (the message does not repeat it)
     * @throws IllegalStateException when the webhook is already saved
     */
    public void useSigningSecret(String secret) {
        if (id != null) {
            throw new IllegalStateException("webhook " + id + " is saved: rotate its secret with SigningSecrets");
        }
        issuedSigningSecret = SigningSecret.parse(secret);
    }

    /**
     * The plain signing secret, once: after this webhook was persisted through this very instance (chosen or
     * generated), else {@code null}. It is not stored in plain text and cannot be read back later.
     */
    public String issuedSigningSecret() {
        if (id == null) {
            return null;
        }
        SigningSecret issued = issuedSigningSecret;
        issuedSigningSecret = null;
        return issued == null ? null : issued.text();
    }

    SigningSecret pendingSigningSecret() {
        return issuedSigningSecret;
    }

    void issueSigningSecret(SigningSecret secret) {
        issuedSigningSecret = secret;
    }

    String getEncryptedSigningSecret() {
        return encryptedSigningSecret;
    }

    void setEncryptedSigningSecret(String encrypted) {
        this.encryptedSigningSecret = encrypted;
    }
}
