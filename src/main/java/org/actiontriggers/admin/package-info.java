/**
 * The admin REST API under {@code /action-triggers/api}: trigger configs in Django Action Triggers' JSON shape
 * ({@code ConfigDocuments}, read strictly with JSON-P), their deliveries, redelivery and preview. Resources
 * only map HTTP to the use cases of {@code trigger}, {@code outbox} and {@code record}; every refusal leaves as an
 * RFC 9457 problem document ({@code Problem}, {@code ProblemResponses}). Every root resource path starts with
 * {@code action-triggers}, so none meets a host resource's path; who may call them is decided by {@code
 * ApiAccessFilter} through {@code access}, whichever path reached them.
 *
 * <p>May depend on every stage and on {@code access}; nothing depends on it.
 */
package org.actiontriggers.admin;
