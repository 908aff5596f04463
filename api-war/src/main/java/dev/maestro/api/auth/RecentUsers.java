package dev.maestro.api.auth;

import dev.maestro.user.User;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Active users as the database had them at most {@link #TTL} ago, by id, so that a client's
 * burst of requests loads its user once rather than once per request. A deleted, deactivated or
 * demoted user is therefore refused within a second on every instance; on the instance that made
 * the change at once, because {@link ForgettingUserStore} drops the user from here on every write.
 */
public final class RecentUsers {
    static final Duration TTL = Duration.ofSeconds(1);
    private static final int CAPACITY = 10_000;

    private final Clock clock;
    private final ExpiringCache<String, User> users;

    public RecentUsers(Clock clock) {
        this.clock = clock;
        this.users = new ExpiringCache<>(CAPACITY, clock);
    }

    Optional<User> get(String id) {
        return users.get(id);
    }

    User put(User user) {
        return users.put(user.id(), user, clock.instant().plus(TTL));
    }

    void forget(String id) {
        users.remove(id);
    }
}
