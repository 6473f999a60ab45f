package org.actiontriggers.demo;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The demo shop's REST application at {@code /api}, as a host application usually has one: it only sets the
 * path, so it publishes every root resource of the WAR — the library's admin resources too, which still
 * answer only to Action Triggers' roles. The OpenAPI description ({@code /openapi}) is the application's to
 * give, so it lives here and not in the library.
 */
@ApplicationPath("api")
@OpenAPIDefinition(
        info =
                @Info(
                        title = "Action Triggers admin API",
                        version = "1",
                        description = "Trigger configs in Django Action Triggers' JSON shape, their deliveries,"
                                + " redelivery and preview, under /action-triggers/api. Every call needs HTTP Basic"
                                + " credentials of the role action-triggers-admin; action-triggers-viewer may GET."
                                + " The demo shop's own endpoints (/api/demo/**) are open."
                                + " Refusals are RFC 9457 problem documents naming each field by JSON pointer."),
        security = @SecurityRequirement(name = "basic"))
@SecurityScheme(securitySchemeName = "basic", type = SecuritySchemeType.HTTP, scheme = "basic")
public class DemoApplication extends Application {}
