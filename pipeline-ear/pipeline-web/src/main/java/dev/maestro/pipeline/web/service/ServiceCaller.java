package dev.maestro.pipeline.web.service;

import dev.maestro.user.User;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;

/** The permitted user calling the service API, as the request's principal. */
public record ServiceCaller(User user) implements Principal {

    /** The caller of a request that {@link ServiceAuthFilter} let through. */
    public static ServiceCaller of(SecurityContext security) {
        if (security.getUserPrincipal() instanceof ServiceCaller caller) {
            return caller;
        }
        throw new IllegalStateException("Not a @ServiceApi resource: no service caller on this request");
    }

    @Override
    public String getName() {
        return user.username();
    }

    /** KernelCI's submitter of what a user asked for: {@code user:<e-mail>}. */
    public String submitter() {
        return "user:" + user.email();
    }
}
