package dev.maestro.launcher;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.util.Map;
import redis.embedded.RedisServer;

/**
 * A MongoDB-wire server and a Redis started by a test, outside any launcher, for launcher starts
 * that share them or that find a database the test prepared; {@link #apiSettings()} points an
 * API instance at them.
 */
final class MongoAndRedis implements AutoCloseable {
    private final MongoServer mongo = new MongoServer(new MemoryBackend());
    private final RedisServer redis;
    final String mongoUri;
    final String redisHost;

    MongoAndRedis() throws IOException {
        mongoUri = mongo.bindAndGetConnectionString();
        int redisPort = EmbeddedBackends.freePort();
        redis = RedisServer.newRedisServer().port(redisPort).bind("127.0.0.1").build();
        redis.start();
        redisHost = "127.0.0.1:" + redisPort;
    }

    /** The environment of an API-only launcher on these two. */
    Map<String, String> apiSettings() {
        return Map.of("MAESTRO_ROLE", "api", "MONGO_SERVICE", mongoUri, "REDIS_HOST", redisHost);
    }

    @Override
    public void close() throws IOException {
        redis.stop();
        mongo.shutdownNow();
    }
}
