package dev.maestro.testsupport;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts, once per test JVM and before Arquillian boots Payara Micro (which reads their ports
 * from the failsafe configuration), a MongoDB-wire server on {@code it.mongo.port} and a real
 * Redis on {@code it.redis.port}, the ports build-helper reserved. An IT module registers a
 * subclass as its {@code LauncherSessionListener} and adds what only it needs in
 * {@link #started()} and {@link #stopping()}.
 */
public abstract class SuiteBackends implements LauncherSessionListener {
    public static final String MONGO_PORT = "it.mongo.port";
    public static final String REDIS_PORT = "it.redis.port";

    private static MongoServer mongo;
    private static RestartableRedis redis;

    @Override
    public final void launcherSessionOpened(LauncherSession session) {
        // Asked for only in failsafe's JVM: the directory may be named by properties only failsafe sets.
        if (startBackends(this::redisAppendOnlyDir)) {
            started();
        }
    }

    @Override
    public final void launcherSessionClosed(LauncherSession session) {
        if (running()) {
            stopping();
            stopBackends();
        }
    }

    /** Starts both unless this JVM has no ports (surefire's unit-test run, an IDE run) or they run already. */
    private static synchronized boolean startBackends(Supplier<Optional<Path>> redisAppendOnlyDir) {
        if (System.getProperty(MONGO_PORT) == null || mongo != null) {
            return false;
        }
        mongo = new MongoServer(new MemoryBackend());
        mongo.bind("127.0.0.1", Integer.parseInt(System.getProperty(MONGO_PORT)));
        redis = RestartableRedis.on(redisPort(), redisAppendOnlyDir.get());
        redis.start();
        return true;
    }

    private static synchronized boolean running() {
        return mongo != null;
    }

    private static synchronized void stopBackends() {
        try {
            redis.stop();
        } catch (RuntimeException e) {
            System.err.println("Redis did not stop cleanly: " + e.getMessage());
        }
        mongo.shutdownNow();
        mongo = null;
    }

    /** Where Redis keeps an append-only file, to survive restarts with its data; empty: no persistence. */
    protected Optional<Path> redisAppendOnlyDir() {
        return Optional.empty();
    }

    /** Runs once the backends are up and before any test: the module's own services and files. */
    protected void started() {
    }

    /** Runs after the last test, before the backends stop. */
    protected void stopping() {
    }

    /** Restarts Redis on its port; tests that stop Redis to prove nothing is lost call this. */
    public static synchronized void startRedis() {
        redis.start();
    }

    public static synchronized void stopRedis() {
        redis.stop();
    }

    public static int redisPort() {
        return Integer.parseInt(System.getProperty(REDIS_PORT));
    }

    public static String mongoUri() {
        return "mongodb://127.0.0.1:" + System.getProperty(MONGO_PORT);
    }
}
