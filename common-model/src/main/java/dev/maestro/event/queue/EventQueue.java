package dev.maestro.event.queue;

import dev.maestro.error.ValidationException;
import dev.maestro.event.Envelopes;
import dev.maestro.event.EventAttributes;
import dev.maestro.json.Json;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.exceptions.JedisConnectionException;

/**
 * Work queues in Redis lists: {@code push} appends an envelope (RPUSH), {@code pop} takes the
 * oldest one (BLPOP), waiting until there is one. Redis hands each item to one caller only.
 * The body's {@code data} is the payload and its other keys become envelope attributes; unlike
 * KernelCI, {@code type} and {@code source} keep their defaults when the body does not set them,
 * so every item is a valid CloudEvent.
 */
public class EventQueue {
    private static final Logger LOG = Logger.getLogger(EventQueue.class.getName());
    private static final String KEY_PREFIX = "maestro:list:";
    /** How long one BLPOP waits; short so that a pooled connection is not held for ever. */
    private static final int POP_SLICE_SECONDS = 1;

    private final JedisPool redis;
    private final Envelopes envelopes;

    public EventQueue(JedisPool redis, Envelopes envelopes) {
        this.redis = redis;
        this.envelopes = envelopes;
    }

    public void push(String list, Object body) {
        if (!(body instanceof Map<?, ?> map)) {
            throw ValidationException.of("model_attributes_type", "Input should be a valid dictionary or object", "body");
        }
        if (!map.containsKey("data")) {
            throw ValidationException.of("missing", "Field required", "body", "data");
        }
        Map<String, Object> attributes = new LinkedHashMap<>();
        map.forEach((k, v) -> {
            if (!"data".equals(k)) {
                attributes.put(String.valueOf(k), v);
            }
        });
        String envelope = envelopes.plain(Instant.now(), map.get("data"), EventAttributes.of(attributes, "body"));
        try (Jedis jedis = redis.getResource()) {
            jedis.rpush(KEY_PREFIX + list, envelope);
        }
    }

    /** The oldest item of the list as a JSON object; waits (across Redis restarts) until there is one. */
    public Map<String, Object> pop(String list) throws InterruptedException {
        while (true) {
            try (Jedis jedis = redis.getResource()) {
                List<String> item = jedis.blpop(POP_SLICE_SECONDS, KEY_PREFIX + list);
                if (item != null) {
                    return Json.readMap(item.get(1));
                }
            } catch (JedisConnectionException e) {
                LOG.fine(() -> "Redis unreachable while popping from " + list + ": " + e.getMessage());
                TimeUnit.SECONDS.sleep(POP_SLICE_SECONDS);
            }
        }
    }
}
