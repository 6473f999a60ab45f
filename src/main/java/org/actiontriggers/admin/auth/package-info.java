/**
 * Who may use the admin API and the console: one Jakarta Security mechanism that signs API calls in with HTTP
 * Basic and console users with a form and session ({@code AdminAuthenticationMechanism}), against credentials
 * from MicroProfile Config, passwords stored only as PBKDF2 hashes, and a generated admin password — printed once
 * — when none is configured. Roles: {@code action-triggers-admin} may do everything,
 * {@code action-triggers-viewer} may read. The URL constraints are in {@code WEB-INF/web.xml}.
 *
 * <p>Depends on {@code settings} and {@code boot} (the start-up event); nothing depends on it.
 */
package org.actiontriggers.admin.auth;
