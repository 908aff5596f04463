package dev.maestro.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisConnectionException;

/** Stopping the embedded Redis, a real one, also when it cannot write its dump. */
class EmbeddedBackendsStopTest {

    @Test
    void aRedisThatCannotWriteItsDumpIsStoppedWithoutIt(@TempDir Path dir) throws Exception {
        EmbeddedBackends backends = new EmbeddedBackends(Duration.ofSeconds(2));
        int port = startRedisWithAKey(backends, dir);
        // Its data directory removed: Redis refuses to exit since it cannot save.
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        // Before, close() waited for Redis for good (and the launcher with it).
        assertTimeoutPreemptively(Duration.ofSeconds(60), backends::close);
        assertThatThrownBy(() -> {
            try (Jedis jedis = new Jedis("127.0.0.1", port)) {
                jedis.ping();
            }
        }).isInstanceOf(JedisConnectionException.class);
    }

    @Test
    void aHealthyRedisStopsAfterWritingItsDump(@TempDir Path dir) throws Exception {
        EmbeddedBackends backends = new EmbeddedBackends(Duration.ofSeconds(20));
        startRedisWithAKey(backends, dir);
        backends.close();
        assertThat(dir.resolve("redis/dump.rdb")).exists();
    }

    /** Starts the embedded Redis in {@code dir} and writes a key, so that it has a dump to write; returns its port. */
    private static int startRedisWithAKey(EmbeddedBackends backends, Path dir) {
        String address = backends.startRedis(dir);
        int port = Integer.parseInt(address.substring(address.indexOf(':') + 1));
        try (Jedis jedis = new Jedis("127.0.0.1", port)) {
            jedis.set("k", "v");
        }
        return port;
    }
}
