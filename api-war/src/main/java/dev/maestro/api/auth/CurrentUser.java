package dev.maestro.api.auth;

import dev.maestro.error.ForbiddenException;
import dev.maestro.error.UnauthorizedException;
import dev.maestro.user.User;
import dev.maestro.user.UserService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.function.Predicate;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The authenticated user of this request, loaded once per request on first use. */
@RequestScoped
public class CurrentUser {
    @Inject
    JsonWebToken jwt;

    @Inject
    UserService users;

    private User user;

    /** The caller, or 401 when there is no valid token or the user is gone or inactive. */
    public User require() {
        if (user == null) {
            String subject = subject().orElseThrow(() -> new UnauthorizedException("Unauthorized"));
            user = users.authenticated(subject);
        }
        return user;
    }

    /** The caller if a token was sent, without failing for anonymous requests. */
    public Optional<User> optional() {
        return subject().isPresent() ? Optional.of(require()) : Optional.empty();
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

    private Optional<String> subject() {
        return Optional.ofNullable(jwt == null ? null : jwt.getSubject());
    }
}
