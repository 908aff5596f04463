package dev.maestro.pipeline.observability;

import dev.maestro.store.RedisConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponse.Status;
import org.eclipse.microprofile.health.Readiness;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * The pipeline is ready while Redis answers and every consumer group of this instance exists in
 * its stream: after Redis lost its data, a group is missing until its consumer re-creates it
 * (and catches up from the event history), and until then its step receives nothing.
 */
@Readiness
@ApplicationScoped
public class ConsumerGroupsReadiness implements HealthCheck {
    static final String NAME = "pipeline-consumer-groups";

    @Inject
    RedisConnection redis;

    @Inject
    ConsumerGroups groups;

    @Override
    public HealthCheckResponse call() {
        List<ConsumerGroup> all = ConsumerGroups.all();
        Map<String, Object> data = new LinkedHashMap<>();
        if (all.isEmpty()) {
            data.put("groups", "no consumer group has started yet");
            return new HealthCheckResponse(NAME, Status.DOWN, Optional.of(data));
        }
        boolean up = true;
        try (Jedis jedis = redis.pool().getResource()) {
            for (ConsumerGroup group : all) {
                boolean exists = exists(jedis, group);
                data.put(group.group(), exists ? "consuming " + group.stream() : "missing from " + group.stream());
                up &= exists;
            }
        } catch (JedisConnectionException e) {
            data.put("redis", "unreachable: " + e.getMessage());
            up = false;
        }
        return new HealthCheckResponse(NAME, up ? Status.UP : Status.DOWN, Optional.of(data));
    }

    private static boolean exists(Jedis jedis, ConsumerGroup group) {
        try {
            return jedis.xinfoGroups(group.stream()).stream().anyMatch(g -> group.group().equals(g.getName()));
        } catch (JedisDataException e) {
            return false; // the stream itself is gone
        }
    }
}
