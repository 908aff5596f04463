package dev.maestro.api.dashboard;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * The headers of every dashboard answer. The Content-Security-Policy allows scripts, styles and
 * connections from this server only and no inline script or style at all, so even a value that
 * escaped escaping could not run; pages may not be framed or sniffed as another type.
 */
@Provider
public class SecurityHeaders implements ContainerResponseFilter {
    static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String path = request.getUriInfo().getPath();
        if (path.equals("dashboard") || path.startsWith("dashboard/") || path.startsWith("/dashboard")) {
            response.getHeaders().putSingle("Content-Security-Policy", POLICY);
            response.getHeaders().putSingle("X-Content-Type-Options", "nosniff");
            response.getHeaders().putSingle("X-Frame-Options", "DENY");
            response.getHeaders().putSingle("Referrer-Policy", "same-origin");
        }
    }
}
