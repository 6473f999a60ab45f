/**
 * The JAX-RS application ({@code /api}) and, as it grows, the admin API over the same services the console
 * uses.
 *
 * <p>May depend on every stage; nothing depends on it.
 */
package org.actiontriggers.admin;
