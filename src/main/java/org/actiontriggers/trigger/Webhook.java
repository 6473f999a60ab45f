package org.actiontriggers.trigger;

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
 * #issuedSigningSecret()} right after the webhook was saved, or by {@link SigningSecrets#rotate}. A plain
 * object, saved with its config by {@link ConfigRepository}.
 */
public class Webhook {

    private Long id;
    private Config config;
    private String url;
    private HttpMethod httpMethod = HttpMethod.POST;
    private Map<String, String> headers = new LinkedHashMap<>();
    private Double timeoutSecs;
    private boolean signingEnabled = true;
    private Double rateLimit;
    private Integer maxInFlight;

    /**
     * Written once, when the webhook is inserted; never by an update, so that saving a copy loaded before a
     * rotation cannot put the old secret back. Rotation ({@link SigningSecrets}) writes the column directly.
     */
    private String encryptedSigningSecret;

    /** The plain secret chosen by the caller or generated when first saved; never stored, handed out once. */
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

    /** {@code null} until the webhook is saved. */
    public Long getId() {
        return id;
    }

    void setId(Long id) {
        this.id = id;
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

    /** Requests per second across all instances, or {@code null} for no rate limit (docs/policy.md). */
    public Double getRateLimit() {
        return rateLimit;
    }

    public void setRateLimit(Double rateLimit) {
        this.rateLimit = rateLimit;
    }

    /** Requests in flight at once across all instances, or {@code null} for no cap (docs/policy.md). */
    public Integer getMaxInFlight() {
        return maxInFlight;
    }

    public void setMaxInFlight(Integer maxInFlight) {
        this.maxInFlight = maxInFlight;
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
     * The plain signing secret, once: after this webhook was saved through this very instance (chosen or
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
