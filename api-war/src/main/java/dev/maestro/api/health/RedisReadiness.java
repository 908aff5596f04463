package dev.maestro.api.health;

import dev.maestro.store.RedisConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponse.Status;
import org.eclipse.microprofile.health.Readiness;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisException;

/** Ready only while Redis answers a PING: events, {@code /listen} wake-ups, queues and key/values need it. */
@Readiness
@ApplicationScoped
public class RedisReadiness implements HealthCheck {
    static final String NAME = "redis";

    @Inject
    RedisConnection redis;

    @Override
    public HealthCheckResponse call() {
        String address = redis.host() + ":" + redis.port();
        try (Jedis jedis = redis.pool().getResource()) {
            jedis.ping();
            return new HealthCheckResponse(NAME, Status.UP, Optional.of(Map.of("address", address)));
        } catch (JedisException e) {
            return new HealthCheckResponse(NAME, Status.DOWN, Optional.of(Map.of("address", address,
                    "error", e.getClass().getSimpleName() + ": " + e.getMessage())));
        }
    }
}
