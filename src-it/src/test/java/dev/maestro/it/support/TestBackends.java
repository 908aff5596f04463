package dev.maestro.it.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.maestro.security.KeyFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import redis.embedded.RedisServer;

/**
 * Starts the real services the server under test needs, once per test JVM and before Arquillian
 * boots Payara Micro (which reads their ports from the failsafe configuration): a MongoDB-wire
 * server, a real Redis and GreenMail's SMTP server. Also writes the token key pair.
 */
public class TestBackends implements LauncherSessionListener {
    private static MongoServer mongo;
    private static RedisServer redis;
    private static GreenMail mail;

    @Override
    public synchronized void launcherSessionOpened(LauncherSession session) {
        String mongoPort = System.getProperty("it.mongo.port");
        if (mongoPort == null || mongo != null) {
            return;
        }
        KeyFiles.ensure(Path.of(System.getProperty("it.data.dir"), "keys"));
        mongo = new MongoServer(new MemoryBackend());
        mongo.bind("127.0.0.1", Integer.parseInt(mongoPort));
        startRedis();
        mail = new GreenMail(new ServerSetup(Integer.parseInt(System.getProperty("it.smtp.port")), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
    }

    /** (Re)starts Redis on its fixed port; tests that stop Redis to prove nothing is lost call this. */
    public static synchronized void startRedis() {
        try {
            redis = RedisServer.newRedisServer().port(redisPort()).bind("127.0.0.1").build();
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

    /** The SMTP server every mail from the API arrives at. */
    public static GreenMail mail() {
        return mail;
    }

    @Override
    public synchronized void launcherSessionClosed(LauncherSession session) {
        if (mail != null) {
            mail.stop();
        }
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
