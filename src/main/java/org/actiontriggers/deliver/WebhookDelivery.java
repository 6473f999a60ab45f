package org.actiontriggers.deliver;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Logger;
import org.actiontriggers.outbox.AttemptRecord;
import org.actiontriggers.outbox.ClaimedDelivery;
import org.actiontriggers.secret.SigningKeys;
import org.actiontriggers.secret.UndecryptableSecretException;
import org.actiontriggers.settings.PolicySettings;
import org.actiontriggers.settings.Settings;
import org.actiontriggers.settings.TriggerSettings;
import org.actiontriggers.trigger.WebhookDestination;

/**
 * The channel of webhook deliveries: one round of a claimed delivery — the checks that must hold at send time, then the send.
 *
 * <p>A host that disguises an address (octal, hex, a trailing dot…) is refused first; the addresses a host
 * resolves to are checked by {@link DestinationGuard} as the request connects. The endpoint whitelist is
 * checked again here (settings may have changed since the config was saved);
 * dynamic header values and the signing keys are read here, just before sending, and only here: a rotated or
 * revoked secret takes effect for deliveries already in the outbox (the keys through {@link SigningKeyCache},
 * which follows this instance's rotations at once and other instances' within a second).
 */
@ApplicationScoped
public class WebhookDelivery implements DeliveryChannel<WebhookDestination> {

    private static final Logger LOG = Logger.getLogger(WebhookDelivery.class.getName());

    @Inject
    TriggerSettings settings;

    @Inject
    DynamicValueResolver dynamicValues;

    @Inject
    WebhookSender sender;

    @Inject
    SigningKeyCache signingKeys;

    @Override
    public Class<WebhookDestination> destinationType() {
        return WebhookDestination.class;
    }

    @Override
    public DeliveryOutcome deliver(ClaimedDelivery delivery, WebhookDestination webhook) {
        Settings current = settings.current();
        String disguised = DestinationGuard.refusalOf(webhook.url());
        if (disguised != null) {
            String reason = "destination refused: " + disguised;
            LOG.warning(() -> "Delivery " + delivery.id() + " not sent: " + reason);
            return DeliveryOutcome.failed(reason);
        }
        boolean operator = webhook.webhookId() == WebhookDestination.OPERATOR_WEBHOOK_ID;
        if (operator) {
            return deliverAlert(delivery, webhook, current);
        }
        if (!current.isWhitelistedEndpoint(webhook.url())) {
            String reason =
                    "URL " + webhook.url() + " matches none of " + Settings.WHITELISTED_WEBHOOK_ENDPOINT_PATTERNS;
            LOG.warning(() -> "Delivery " + delivery.id() + " not sent: " + reason);
            return DeliveryOutcome.failed(reason);
        }
        Optional<SigningKeys> keys;
        try {
            keys = signingKeys.keysFor(webhook.webhookId(), Instant.now());
        } catch (UndecryptableSecretException e) {
            String reason = "signing key of webhook " + webhook.webhookId() + " unusable: " + e.getMessage();
            LOG.warning(() -> "Delivery " + delivery.id() + " not sent: " + reason);
            return DeliveryOutcome.retryable(reason, null);
        }
        if (keys.isEmpty()) {
            String reason = "webhook " + webhook.webhookId() + " no longer exists, so the request cannot be signed";
            LOG.warning(() -> "Delivery " + delivery.id() + " not sent: " + reason);
            return DeliveryOutcome.failed(reason);
        }
        Map<String, String> headers;
        try {
            headers = dynamicValues.resolveHeaders(webhook.headers());
        } catch (DynamicValueException e) {
            LOG.warning(() -> "Delivery " + delivery.id() + " not sent: " + e.getMessage());
            return e.isPermanent()
                    ? DeliveryOutcome.failed(e.getMessage())
                    : DeliveryOutcome.retryable(e.getMessage(), null);
        }
        List<String> tooLarge = current.limits().headerProblems(headers);
        if (!tooLarge.isEmpty()) {
            String reason = String.join("; ", tooLarge);
            LOG.warning(() -> "Delivery " + delivery.id() + " not sent: " + reason);
            return DeliveryOutcome.failed(reason);
        }
        return send(delivery, webhook, headers, keys.get(), current);
    }

    /**
     * An operational alert of the delivery policy to the operator webhook of the settings: trusted like the
     * whitelist itself (no endpoint pattern needed), signed with {@code action-triggers.alerts.signing-secret}.
     * The address checks on connecting apply as to every request.
     */
    private DeliveryOutcome deliverAlert(ClaimedDelivery delivery, WebhookDestination webhook, Settings current) {
        if (current.policy().alertsSecret() == null) {
            String reason = "no " + PolicySettings.ALERTS_SIGNING_SECRET + " to sign the alert with";
            LOG.warning(() -> "Alert " + delivery.id() + " not sent: " + reason);
            return DeliveryOutcome.failed(reason);
        }
        SigningKeys keys = SigningKeys.of(List.of(current.policy().alertsSecret()));
        return send(delivery, webhook, webhook.headers(), keys, current);
    }

    private DeliveryOutcome send(
            ClaimedDelivery delivery,
            WebhookDestination webhook,
            Map<String, String> headers,
            SigningKeys keys,
            Settings current) {
        SendRequest request = new SendRequest(
                delivery.id(),
                webhook.httpMethod(),
                webhook.url(),
                headers,
                delivery.body(),
                delivery.contentType(),
                current.effectiveTimeout(webhook.timeoutSecs()),
                keys,
                current.limits().maxResponseBodyBytes());
        List<AttemptRecord> attempts = new CopyOnWriteArrayList<>();
        return send(delivery, request, attempts).withAttempts(attempts);
    }

    private DeliveryOutcome send(ClaimedDelivery delivery, SendRequest request, List<AttemptRecord> attempts) {
        try {
            int status = sender.send(request, attempts);
            return status / 100 == 2 ? DeliveryOutcome.succeeded() : DeliveryOutcome.failed("HTTP " + status);
        } catch (InvalidRequestException e) {
            LOG.warning(() -> "Delivery " + delivery.id() + " not sent: " + e.getMessage());
            return DeliveryOutcome.failed(e.getMessage());
        } catch (RetryableSendFailure e) {
            return DeliveryOutcome.retryable(e.getMessage(), e.retryAfter());
        }
    }
}
