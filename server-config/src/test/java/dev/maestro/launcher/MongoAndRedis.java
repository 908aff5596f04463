package dev.maestro.launcher;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.maestro.testsupport.RestartableRedis;
import java.util.Map;
import java.util.Optional;

/**
 * A MongoDB-wire server and a Redis started by a test, outside any launcher, for launcher starts
 * that share them or that find a database the test prepared; {@link #apiSettings()} points an
 * API instance at them. The Redis keeps nothing on disk, as one run without persistence: after
 * {@link #stopRedis()} and {@link #startRedis()} it has no stream, group or subscription left.
 */
final class MongoAndRedis implements AutoCloseable {
    private final MongoServer mongo = new MongoServer(new MemoryBackend());
    private final RestartableRedis redis;
    final String mongoUri;
    final String redisHost;

    MongoAndRedis() {
        mongoUri = mongo.bindAndGetConnectionString();
        int redisPort = EmbeddedBackends.freePort();
        redis = RestartableRedis.on(redisPort, Optional.empty());
        redis.start();
        redisHost = "127.0.0.1:" + redisPort;
    }

    /** The environment of an API-only launcher on these two. */
    Map<String, String> apiSettings() {
        return Map.of("MAESTRO_ROLE", "api", "MONGO_SERVICE", mongoUri, "REDIS_HOST", redisHost);
    }

    void stopRedis() {
        redis.stop();
    }

    /** Starts Redis again on the same port, with no data. */
    void startRedis() {
        redis.start();
    }

    @Override
    public void close() {
        redis.stop();
        mongo.shutdownNow();
    }
}
