package dev.maestro.pipeline.web.service;

import dev.maestro.error.MaestroException;
import dev.maestro.pipeline.identity.ServiceCallers;
import dev.maestro.pipeline.web.DetailMapper;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;
import java.util.logging.Logger;

/**
 * Guards every {@link ServiceApi} resource: the request goes on only with a permitted caller
 * ({@link ServiceCallers}), who becomes its principal; otherwise it is answered here with
 * {@code {"detail": …}}: 401 without a valid token (with {@code WWW-Authenticate: Bearer}), 403
 * without the permission, 503 when the pipeline has no key to check tokens with.
 */
@Provider
@ServiceApi
@Priority(Priorities.AUTHENTICATION)
public class ServiceAuthFilter implements ContainerRequestFilter {
    private static final Logger LOG = Logger.getLogger(ServiceAuthFilter.class.getName());

    @Inject
    ServiceCallers callers;

    @Override
    public void filter(ContainerRequestContext request) {
        try {
            ServiceCaller caller = new ServiceCaller(callers.permitted(request.getHeaderString(HttpHeaders.AUTHORIZATION)));
            request.setSecurityContext(new CallerContext(caller, request.getSecurityContext().isSecure()));
        } catch (MaestroException refused) {
            LOG.info(() -> "Service API refused " + request.getMethod() + " /" + request.getUriInfo().getPath()
                    + ": " + refused.status() + " " + refused.getMessage());
            Response answer = new DetailMapper().toResponse(refused);
            if (refused.status() == Response.Status.UNAUTHORIZED.getStatusCode()) {
                answer = Response.fromResponse(answer).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
            }
            request.abortWith(answer);
        }
    }

    private record CallerContext(ServiceCaller caller, boolean secure) implements SecurityContext {
        @Override
        public Principal getUserPrincipal() {
            return caller;
        }

        @Override
        public boolean isUserInRole(String role) {
            return false;
        }

        @Override
        public boolean isSecure() {
            return secure;
        }

        @Override
        public String getAuthenticationScheme() {
            return "Bearer";
        }
    }
}
