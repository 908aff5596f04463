package dev.maestro.launcher;

import de.bwaldvogel.mongo.MongoServer;
import dev.maestro.launcher.mongo.IndexedH2Backend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.ShutdownParams;
import redis.embedded.RedisServer;

/**
 * The MongoDB-wire server (mongo-java-server on an H2 file, so data survives a restart) and the
 * real Redis that the launcher starts when {@code MONGO_SERVICE} / {@code REDIS_HOST} are unset.
 */
final class EmbeddedBackends implements AutoCloseable {
    /** Ample for Redis to write its dump and exit; see {@link #stopRedis}. */
    private static final Duration REDIS_STOP_WAIT = Duration.ofSeconds(30);

    private final Duration redisStopWait;
    private MongoServer mongo;
    private RedisServer redis;
    private int redisPort;

    EmbeddedBackends() {
        this(REDIS_STOP_WAIT);
    }

    EmbeddedBackends(Duration redisStopWait) {
        this.redisStopWait = redisStopWait;
    }

    /** Starts the MongoDB-wire server on a free loopback port; returns its connection string. */
    String startMongo(Path dataDir) {
        Path file = dataDir.resolve("mongo.mv.db");
        mongo = new MongoServer(IndexedH2Backend.open(file.toString(), indexes -> System.out.println("maestro: embedded database: "
                + "rebuilding " + indexes + " unique index(es) in Maestro EE's key order (once, after an upgrade; one read of "
                + "each of their collections)")));
        InetSocketAddress address = new InetSocketAddress("127.0.0.1", freePort());
        mongo.bind(address);
        return "mongodb://127.0.0.1:" + address.getPort();
    }

    /** Starts Redis on a free loopback port with its dump and append-only file in the data directory; returns host:port. */
    String startRedis(Path dataDir) {
        try {
            Path dir = Files.createDirectories(dataDir.resolve("redis"));
            redisPort = freePort();
            redis = RedisServer.newRedisServer()
                    .port(redisPort)
                    .bind("127.0.0.1")
                    .setting("dir " + dir)
                    .setting("save 60 1")
                    // The pipeline's streams, groups and pending entries must survive a restart.
                    .setting("appendonly yes")
                    .build();
            redis.start();
            return "127.0.0.1:" + redisPort;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded Redis", e);
        }
    }

    @Override
    public void close() {
        if (redis != null) {
            stopRedis();
        }
        if (mongo != null) {
            mongo.shutdown();
        }
    }

    /**
     * Stops Redis, which first writes its dump. Redis refuses to exit when it cannot (a full
     * disk, a data directory removed or made read-only), and waiting for it made the launcher
     * hang on stop for good, with the database never shut down. So after a while it is told to
     * exit without the dump; the append-only file still holds every write but the last second's.
     */
    private void stopRedis() {
        Thread stopper = new Thread(() -> {
            try {
                redis.stop();
            } catch (IOException e) {
                System.err.println("maestro: could not stop the embedded Redis cleanly: " + e.getMessage());
            }
        }, "maestro-redis-stop");
        stopper.setDaemon(true);
        stopper.start();
        if (joined(stopper)) {
            return;
        }
        System.err.println("maestro: the embedded Redis did not exit within " + redisStopWait.toSeconds() + " s: it"
                + " cannot write its dump (is the disk full, or the data directory gone or read-only?); telling it to"
                + " exit without it (its append-only file keeps all but the last second of writes)");
        try (Jedis jedis = new Jedis("127.0.0.1", redisPort)) {
            jedis.shutdown(ShutdownParams.shutdownParams().nosave());
        } catch (JedisException e) {
            // Redis closes the connection as it exits: the expected answer to SHUTDOWN.
        }
        if (!joined(stopper)) {
            System.err.println("maestro: the embedded Redis still runs on port " + redisPort + "; stop it by hand");
        }
    }

    private boolean joined(Thread stopper) {
        try {
            stopper.join(redisStopWait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !stopper.isAlive();
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free TCP port", e);
        }
    }
}
