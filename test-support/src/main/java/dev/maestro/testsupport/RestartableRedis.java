package dev.maestro.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import redis.embedded.RedisServer;
import redis.embedded.core.RedisServerBuilder;

/**
 * A real Redis (embedded-redis runs the redis-server binary) on a fixed loopback port that tests
 * may stop and start again, to prove that the servers under test reconnect and lose nothing.
 */
public final class RestartableRedis {
    private final RedisServer server;

    private RestartableRedis(RedisServer server) {
        this.server = server;
    }

    /**
     * A Redis on {@code port}, not started yet. With {@code appendOnlyDir}, Redis keeps an
     * append-only file there (fsync on every write), as a production Redis behind a pipeline
     * should, so that a restart keeps streams, consumer groups and pending entries; without it a
     * restart starts empty.
     */
    public static RestartableRedis on(int port, Optional<Path> appendOnlyDir) {
        try {
            RedisServerBuilder builder = RedisServer.newRedisServer().port(port).bind("127.0.0.1");
            if (appendOnlyDir.isPresent()) {
                Path dir = Files.createDirectories(appendOnlyDir.get());
                builder.setting("dir " + dir).setting("appendonly yes").setting("appendfsync always");
            } else {
                // Redis saves a snapshot on shutdown by default, which a restart would load again.
                builder.setting("save \"\"").setting("appendonly no");
            }
            return new RestartableRedis(builder.build());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot set up Redis on port " + port, e);
        }
    }

    public synchronized void start() {
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start Redis", e);
        }
    }

    public synchronized void stop() {
        try {
            server.stop();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot stop Redis", e);
        }
    }
}
