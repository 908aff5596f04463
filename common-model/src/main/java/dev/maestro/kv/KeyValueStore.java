package dev.maestro.kv;

import java.util.Optional;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;

/**
 * Text values by namespace and key, in Redis without expiry. Keys are prefixed so that no
 * namespace can reach the event streams or queues kept in the same Redis.
 */
public class KeyValueStore {
    private static final String KEY_PREFIX = "maestro:kv:";

    private final JedisPool redis;

    public KeyValueStore(JedisPool redis) {
        this.redis = redis;
    }

    public Optional<String> get(String namespace, String key) {
        try (Jedis jedis = redis.getResource()) {
            return Optional.ofNullable(jedis.get(redisKey(namespace, key)));
        }
    }

    /** Sets the value; an empty value deletes the key, as KernelCI does. */
    public void set(String namespace, String key, String value) {
        try (Jedis jedis = redis.getResource()) {
            if (value.isEmpty()) {
                jedis.del(redisKey(namespace, key));
            } else {
                jedis.set(redisKey(namespace, key), value);
            }
        }
    }

    public void delete(String namespace, String key) {
        try (Jedis jedis = redis.getResource()) {
            jedis.del(redisKey(namespace, key));
        }
    }

    private static String redisKey(String namespace, String key) {
        return KEY_PREFIX + namespace + ":" + key;
    }
}
