package org.actiontriggers.admin;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** Mounts the REST resources under {@code /api}; its OpenAPI description is served at {@code /openapi}. */
@ApplicationPath("api")
@OpenAPIDefinition(
        info =
                @Info(
                        title = "Action Triggers admin API",
                        version = "1",
                        description = "Trigger configs in Django Action Triggers' JSON shape, their deliveries,"
                                + " redelivery and preview. Every call but /api/demo/** needs HTTP Basic credentials"
                                + " of the role action-triggers-admin; action-triggers-viewer may GET."
                                + " Refusals are RFC 9457 problem documents naming each field by JSON pointer."),
        security = @SecurityRequirement(name = "basic"))
@SecurityScheme(securitySchemeName = "basic", type = SecuritySchemeType.HTTP, scheme = "basic")
public class ApiApplication extends Application {}
