/**
 * Who may use the admin API and the console, inside the host application. {@code SecurityChoice}, a CDI
 * extension, picks the one Jakarta Security mechanism: the host's own when it has one (our roles then come from
 * its groups), else the built-in one — HTTP Basic for the API, a form and session for the console, accounts
 * from MicroProfile Config with PBKDF2 hashes and a generated admin password printed once. {@code Caller} is the
 * one answer to what a caller may do ({@code action-triggers-admin} everything, {@code action-triggers-viewer}
 * read; names configurable), asked by the API's and the console's filters — never a URL pattern, because a
 * host's {@code Application} may publish our resources under its own path. {@code Paths} holds our one base.
 *
 * <p>Depends on {@code settings} and {@code boot} (the start-up event); {@code admin} and {@code console}
 * depend on it.
 */
package org.actiontriggers.access;
