package dev.maestro.api;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The API served at the root context. {@code @ApplicationScoped} is required on Payara: without
 * it MP-JWT's {@code @LoginConfig} is not seen and {@code JsonWebToken} cannot be injected.
 */
@ApplicationPath("/")
@ApplicationScoped
@LoginConfig(authMethod = "MP-JWT", realmName = "maestro")
@DeclareRoles({"user", "admin"})
@OpenAPIDefinition(info = @Info(title = "Maestro EE API", version = "0.1.0",
        description = "KernelCI-compatible API: users, groups, nodes, queries, events."))
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
public class MaestroApplication extends Application {
}
