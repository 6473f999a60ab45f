/**
 * The admin console under {@code /action-triggers/console}: Jakarta Faces pages served from the library jar
 * ({@code META-INF/resources/action-triggers/console}) and their
 * small backing beans, one per page. The beans hold what a page shows and call the same use cases as the
 * REST API — {@code ConfigService} and its validation, {@code DeliverySearch}, {@code DeliveryLog},
 * {@code Redelivery}, {@code PayloadPreview}, and for the endpoint health pages {@code DestinationFigures},
 * {@code DestinationPolicy} (through {@code HealthStates}) and {@code TestEvents} — so the console has no rules of
 * its own; the charts are inline SVG from {@code SvgChart}; {@link
 * org.actiontriggers.console.TriggerForm} only turns typed text into a draft. Sign-in and
 * roles are in {@code access}; {@code ConsoleAccessFilter} admits only our roles, an admin edits, a viewer
 * reads, and every changing action checks the role on the server ({@link
 * org.actiontriggers.console.ConsoleUser}).
 *
 * <p>May depend on every stage but the edges; nothing depends on it.
 */
package org.actiontriggers.console;
