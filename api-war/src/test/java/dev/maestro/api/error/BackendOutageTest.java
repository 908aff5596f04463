package dev.maestro.api.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.maestro.store.MongoConnection;
import dev.maestro.store.RedisConnection;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * What the real drivers throw when MongoDB or Redis is not there is told apart from our own
 * faults (the mapper answers it 503 with this detail; src-it sees that over HTTP).
 */
class BackendOutageTest {

    @Test
    void mongoDbOutOfReachIsAnOutage() throws IOException {
        try (MongoConnection mongo = new MongoConnection("mongodb://127.0.0.1:" + closedPort(), Duration.ofMillis(300))) {
            Throwable e = catchThrowable(() -> mongo.database().runCommand(new Document("ping", 1)));
            assertThat(BackendOutage.detailOf(new IllegalStateException("wrapped", e)))
                    .hasValueSatisfying(d -> assertThat(d).startsWith("Database unavailable: MongoDB did not answer"));
        }
    }

    @Test
    void redisOutOfReachIsAnOutage() throws IOException {
        try (RedisConnection redis = new RedisConnection("127.0.0.1", closedPort())) {
            Throwable e = catchThrowable(() -> redis.pool().getResource());
            assertThat(BackendOutage.detailOf(e)).hasValueSatisfying(d -> assertThat(d).startsWith("Redis unavailable"));
        }
    }

    @Test
    void otherFaultsAreNot() {
        assertThat(BackendOutage.detailOf(new IllegalStateException("bug", new NullPointerException()))).isEmpty();
    }

    /** A port nothing listens on: bound, then released. */
    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
