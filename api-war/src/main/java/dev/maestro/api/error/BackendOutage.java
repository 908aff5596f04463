package dev.maestro.api.error;

import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import java.util.Optional;
import redis.clients.jedis.exceptions.JedisConnectionException;

/**
 * Tells a backing service that is out of reach (MongoDB or Redis down, restarting, unreachable)
 * from a fault of ours: the former is the server's temporary condition, answered 503 with a
 * detail that says which service, so that clients retry and operators know where to look.
 */
final class BackendOutage {
    private BackendOutage() {
    }

    /** The detail of a 503 when {@code e} or one of its causes says a backing service is unreachable. */
    static Optional<String> detailOf(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MongoTimeoutException || t instanceof MongoSocketException) {
                return Optional.of("Database unavailable: MongoDB did not answer; try again later");
            }
            if (t instanceof JedisConnectionException) {
                return Optional.of("Redis unavailable: the server could not reach Redis; try again later");
            }
        }
        return Optional.empty();
    }
}
