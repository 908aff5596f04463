package dev.maestro.api.auth;

import dev.maestro.user.User;
import dev.maestro.user.UserService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The active user a verified token names, from {@link RecentUsers} or else the database: the one
 * look-up behind {@link CurrentUser} and the routes served ahead of JAX-RS, which call it without
 * a request-scoped bean (about 7 % of a direct node write's CPU went to creating one).
 */
@ApplicationScoped
public class ActiveUsers {
    @Inject
    UserService users;

    @Inject
    RecentUsers recent;

    /** The user, active as of at most {@link RecentUsers#TTL} ago; 401 when gone or inactive. */
    public User byId(String userId) {
        return recent.get(userId).orElseGet(() -> recent.put(users.authenticated(userId)));
    }
}
