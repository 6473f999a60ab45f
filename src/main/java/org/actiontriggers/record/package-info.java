/**
 * Stage 2, record: {@code OutboxRecorder} observes {@code EntityChange}, renders the payload once
 * ({@code PayloadRenderer}: path references only, checked again by the template package's
 * {@code TemplateValidator}, and JSON-P) and writes one pending delivery per matching webhook or broker queue
 * in the same transaction, then signals {@code OutboxCommitted} after the commit. {@code PayloadPreview}
 * renders a config against a sample without recording anything; {@code TestEvents} queues a test event to
 * one destination, as its config sends to it.
 *
 * <p>Depends on {@code capture}, {@code trigger}, {@code settings}, {@code secret}, {@code template} and
 * {@code outbox}; and on {@code condition}, whose parsed conditions it evaluates for each change.
 */
package org.actiontriggers.record;
