/**
 * The template language: the one scanner of {@code {{ }}} references and the paths they hold
 * ({@code References}, read by templates, dynamic values and masking alike), the payload grammar
 * ({@code TemplateSyntax}), its sandbox — path
 * references only, no expressions or calls ({@code TemplateValidator}) — and {@code TemplateChecker}, the
 * question "does this template render?" that the validation asks and the record stage, which owns the
 * renderer, answers. The renderer itself needs the captured snapshot, so it lives in {@code record}.
 *
 * <p>Depends on nothing else of ours.
 */
package org.actiontriggers.template;
