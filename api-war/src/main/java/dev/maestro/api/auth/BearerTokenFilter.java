package dev.maestro.api.auth;

import dev.maestro.api.error.TokenRefusalLog;
import dev.maestro.api.http.JsonResponses;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code Authorization: Bearer <token>} before any resource runs, as MicroProfile JWT did
 * in the container: a valid token of this deployment names the caller ({@link CurrentUser}); any
 * other bearer token is a 401 {@code {"detail": "Unauthorized"}} on every route, public reads
 * included, logged as one line. A request without a bearer token costs one header lookup (the
 * bare token kci-dev sends is no bearer token, so it is ignored here, as MP-JWT ignored it).
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class BearerTokenFilter implements ContainerRequestFilter {
    @Inject
    VerifiedTokens tokens;

    @Inject
    CurrentUser caller;

    @Context
    HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        String token = VerifiedTokens.bearerToken(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        if (token == null) {
            return;
        }
        Optional<String> subject = tokens.subject(token);
        if (subject.isPresent()) {
            caller.authenticatedAs(subject.get());
        } else {
            TokenRefusalLog.refused(servletRequest);
            request.abortWith(JsonResponses.status(401, Map.of("detail", "Unauthorized")));
        }
    }
}
