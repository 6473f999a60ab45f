/**
 * Stage 4, deliver: one round of one delivery, through the {@code DeliveryChannel} of its kind of
 * destination ({@code DeliveryChannels} picks it; {@code WebhookDelivery} here, {@code BrokerDelivery} in
 * {@code broker}). For a webhook: send-time checks (refused destinations, endpoint whitelist,
 * signing keys, dynamic header values from the allowed import paths, limits), the signed HTTP request with
 * Apache HttpClient 5 — whose only name resolver is the SSRF-checking {@code DestinationGuard} — with
 * quick retries in process ({@code QuickRetry}), the signing keys kept by {@code SigningKeyCache}, and an
 * attempt record for every try, returned with the outcome for the dispatcher to write.
 *
 * <p>Depends on {@code trigger}, {@code settings}, {@code secret}, {@code template} (the reference scanner
 * that finds dynamic values) and {@code outbox} (the claimed delivery and the attempt log).
 */
package org.actiontriggers.deliver;
