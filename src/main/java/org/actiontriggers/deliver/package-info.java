/**
 * Stage 4, deliver: one round of one delivery — send-time checks (endpoint whitelist, dynamic header values
 * from the allowed import paths), the HTTP request with {@code java.net.http.HttpClient} under MicroProfile
 * Fault Tolerance, and an attempt record for every try.
 *
 * <p>Depends on {@code config} and {@code record} (for the attempt log).
 */
package org.actiontriggers.deliver;
