package dev.maestro.pipeline.it.support;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import redis.embedded.RedisServer;

/**
 * Starts, once per test JVM and before Arquillian boots Payara Micro, a MongoDB-wire server and
 * a real Redis on the ports the build reserved. Redis keeps an append-only file, as a production
 * Redis behind a pipeline should, so that a restart keeps streams, groups and pending entries.
 */
public class PipelineBackends implements LauncherSessionListener {
    private static MongoServer mongo;
    private static RedisServer redis;

    @Override
    public synchronized void launcherSessionOpened(LauncherSession session) {
        String mongoPort = System.getProperty("it.mongo.port");
        if (mongoPort == null || mongo != null) {
            return;
        }
        mongo = new MongoServer(new MemoryBackend());
        mongo.bind("127.0.0.1", Integer.parseInt(mongoPort));
        try {
            Path dir = Files.createDirectories(Path.of(System.getProperty("it.dir"), "redis"));
            redis = RedisServer.newRedisServer().port(redisPort()).bind("127.0.0.1")
                    .setting("dir " + dir).setting("appendonly yes").setting("appendfsync always").build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        startRedis();
    }

    public static synchronized void startRedis() {
        try {
            redis.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start Redis", e);
        }
    }

    public static synchronized void stopRedis() {
        try {
            redis.stop();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot stop Redis", e);
        }
    }

    public static int redisPort() {
        return Integer.parseInt(System.getProperty("it.redis.port"));
    }

    public static String mongoUri() {
        return "mongodb://127.0.0.1:" + System.getProperty("it.mongo.port");
    }

    @Override
    public synchronized void launcherSessionClosed(LauncherSession session) {
        if (redis != null) {
            try {
                redis.stop();
            } catch (IOException e) {
                System.err.println("Redis did not stop cleanly: " + e.getMessage());
            }
        }
        if (mongo != null) {
            mongo.shutdownNow();
        }
    }
}
