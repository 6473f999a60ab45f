/**
 * The admin REST API under {@code /api}: trigger configs in Django Action Triggers' JSON shape
 * ({@code ConfigDocuments}, read strictly with JSON-P), their deliveries, redelivery and preview. Resources
 * only map HTTP to the use cases of {@code trigger}, {@code outbox} and {@code record}; every refusal leaves as an RFC 9457
 * problem document ({@code Problem}, {@code ProblemResponses}). Who may call it is in the {@code auth}
 * subpackage and {@code WEB-INF/web.xml}.
 *
 * <p>May depend on every stage; nothing depends on it.
 */
package org.actiontriggers.admin;
