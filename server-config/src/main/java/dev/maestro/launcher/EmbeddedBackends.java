package dev.maestro.launcher;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import redis.embedded.RedisServer;

/**
 * The MongoDB-wire server (mongo-java-server on an H2 file, so data survives a restart) and the
 * real Redis that the launcher starts when {@code MONGO_SERVICE} / {@code REDIS_HOST} are unset.
 */
final class EmbeddedBackends implements AutoCloseable {
    private MongoServer mongo;
    private RedisServer redis;

    /** Starts the MongoDB-wire server on a free loopback port; returns its connection string. */
    String startMongo(Path dataDir) {
        Path file = dataDir.resolve("mongo.mv.db");
        mongo = new MongoServer(new H2Backend(file.toString()));
        InetSocketAddress address = new InetSocketAddress("127.0.0.1", freePort());
        mongo.bind(address);
        return "mongodb://127.0.0.1:" + address.getPort();
    }

    /** Starts Redis on a free loopback port with its dump and append-only file in the data directory; returns host:port. */
    String startRedis(Path dataDir) {
        try {
            Path dir = Files.createDirectories(dataDir.resolve("redis"));
            int port = freePort();
            redis = RedisServer.newRedisServer()
                    .port(port)
                    .bind("127.0.0.1")
                    .setting("dir " + dir)
                    .setting("save 60 1")
                    // The pipeline's streams, groups and pending entries must survive a restart.
                    .setting("appendonly yes")
                    .build();
            redis.start();
            return "127.0.0.1:" + port;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded Redis", e);
        }
    }

    @Override
    public void close() {
        if (redis != null) {
            try {
                redis.stop();
            } catch (IOException e) {
                System.err.println("maestro: could not stop the embedded Redis cleanly: " + e.getMessage());
            }
        }
        if (mongo != null) {
            mongo.shutdown();
        }
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free TCP port", e);
        }
    }
}
