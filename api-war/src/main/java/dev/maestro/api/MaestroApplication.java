package dev.maestro.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The API served at the root context. Bearer tokens are checked by the application itself
 * ({@code dev.maestro.api.auth}), not by the container's MicroProfile JWT, whose per-request
 * authentication and authorisation cost more than the API's own reads.
 */
@ApplicationPath("/")
@OpenAPIDefinition(info = @Info(title = "Maestro EE API", version = "0.1.0",
        description = "KernelCI-compatible API: users, groups, nodes, queries, events."))
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
public class MaestroApplication extends Application {
}
