/**
 * Stage 2, record: the transactional outbox. {@code OutboxRecorder} observes {@code EntityChange}, renders
 * the payload once ({@code PayloadRenderer}: path references only, checked again by the config package's
 * {@code TemplateValidator}, and JSON-P) and writes one pending delivery per
 * matching webhook in the same transaction, then signals {@code OutboxCommitted} after the commit. Also the
 * outbox's JDBC repository and its read model ({@code Delivery}, {@code Attempt}, {@code DeliveryLog}).
 *
 * <p>Depends on {@code config} and {@code capture}.
 */
package org.actiontriggers.record;
