/**
 * The payload template language: the {@code {{ }}} grammar ({@code TemplateSyntax}), its sandbox — path
 * references only, no expressions or calls ({@code TemplateValidator}) — and {@code TemplateChecker}, the
 * question "does this template render?" that the validation asks and the record stage, which owns the
 * renderer, answers. The renderer itself needs the captured snapshot, so it lives in {@code record}.
 *
 * <p>Depends on nothing else of ours.
 */
package org.actiontriggers.template;
