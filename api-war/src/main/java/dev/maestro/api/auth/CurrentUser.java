package dev.maestro.api.auth;

import dev.maestro.error.ForbiddenException;
import dev.maestro.error.UnauthorizedException;
import dev.maestro.user.User;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The authenticated user of this request: the user id comes from {@link BearerTokenFilter}, the
 * user itself is loaded on first use, by {@link ActiveUsers}.
 */
@RequestScoped
public class CurrentUser {
    @Inject
    ActiveUsers active;

    private String subject;
    private User user;

    /** The user id of this request's verified token ({@link BearerTokenFilter}, or a route served ahead of JAX-RS). */
    public void authenticatedAs(String userId) {
        subject = userId;
    }

    /** The caller, or 401 when there is no valid token or the user is gone or inactive. */
    public User require() {
        if (user == null) {
            if (subject == null) {
                throw new UnauthorizedException("Unauthorized");
            }
            user = active.byId(subject);
        }
        return user;
    }

    /** The caller if a token was sent, without failing for anonymous requests. */
    public Optional<User> optional() {
        return subject == null ? Optional.empty() : Optional.of(require());
    }

    /** The caller, who must have verified their e-mail address (KernelCI's "verified user"; 403 otherwise). */
    public User requireVerified() {
        return require(User::verified);
    }

    /** The caller, who must be a superuser per the database (403 otherwise). */
    public User requireAdmin() {
        return require(User::superuser);
    }

    private User require(Predicate<User> allowed) {
        User u = require();
        if (!allowed.test(u)) {
            throw new ForbiddenException("Forbidden");
        }
        return u;
    }
}
