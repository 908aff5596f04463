package dev.maestro.testing;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.maestro.store.MongoConnection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.JedisPoolConfig;
import redis.embedded.RedisServer;

/**
 * Real backing services for common-model tests: a MongoDB-wire server and a real Redis on free
 * loopback ports. Use one per test class ({@code @BeforeAll} / {@code @AfterAll}).
 */
public final class LocalBackends implements AutoCloseable {
    private final MongoServer mongoServer;
    private final String mongoUri;
    private final RedisServer redisServer;
    private final int redisPort;
    private final MongoConnection mongo;
    private final JedisPool redis;

    public LocalBackends() {
        mongoServer = new MongoServer(new MemoryBackend());
        mongoUri = mongoServer.bindAndGetConnectionString();
        mongo = new MongoConnection(mongoUri);
        redisPort = freePort();
        try {
            redisServer = RedisServer.newRedisServer().port(redisPort).bind("127.0.0.1").build();
            redisServer.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // As in production: connections broken by a Redis restart are dropped, not handed out.
        JedisPoolConfig config = new JedisPoolConfig();
        config.setTestOnBorrow(true);
        redis = new JedisPool(config, "127.0.0.1", redisPort);
    }

    /** For clients that connect by themselves, as the resource adapter does. */
    public String mongoUri() {
        return mongoUri;
    }

    /** A client of the caller's own, whose commands {@code listeners} see (e.g. to count them); the caller closes it. */
    public MongoClient watchedClient(CommandListener... listeners) {
        MongoClientSettings.Builder settings = MongoClientSettings.builder().applyConnectionString(new ConnectionString(mongoUri));
        for (CommandListener listener : listeners) {
            settings.addCommandListener(listener);
        }
        return MongoClients.create(settings.build());
    }

    public MongoConnection mongo() {
        return mongo;
    }

    public JedisPool redis() {
        return redis;
    }

    /** For pools of the caller's own. */
    public int redisPort() {
        return redisPort;
    }

    public RedisServer redisServer() {
        return redisServer;
    }

    /** Waits until something (a listener service's channel watcher) holds a pattern subscription on Redis. */
    public void awaitPatternSubscriber() throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(10);
        try (Jedis jedis = redis.getResource()) {
            while (jedis.pubsubNumPat() < 1) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("no pattern subscription on Redis within 10 s");
                }
                TimeUnit.MILLISECONDS.sleep(20);
            }
        }
    }

    @Override
    public void close() throws IOException {
        redis.close();
        mongo.close();
        redisServer.stop();
        mongoServer.shutdownNow();
    }

    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
