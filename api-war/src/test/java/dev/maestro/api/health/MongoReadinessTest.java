package dev.maestro.api.health;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

/** The MongoDB readiness check against a real MongoDB-wire server, and against none: DOWN within the probe's few seconds. */
class MongoReadinessTest {

    @Test
    void upWhileMongoAnswersDownSoonAfterItStops() {
        MongoServer server = new MongoServer(new MemoryBackend());
        String uri = server.bindAndGetConnectionString();
        MongoReadiness check = new MongoReadiness(uri);
        try {
            HealthCheckResponse up = check.call();
            assertThat(up.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
            assertThat(up.getData()).get().satisfies(d -> assertThat(d).containsEntry("database", "kernelci"));

            server.shutdownNow();
            Instant asked = Instant.now();
            HealthCheckResponse down = check.call();
            assertThat(down.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
            assertThat(down.getData()).get().satisfies(d -> assertThat(d).containsKey("error"));
            assertThat(Duration.between(asked, Instant.now())).isLessThan(Duration.ofSeconds(5));
        } finally {
            check.close();
            server.shutdownNow();
        }
    }

    @Test
    void downWhenNothingListens() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        MongoReadiness check = new MongoReadiness("mongodb://127.0.0.1:" + port);
        try {
            assertThat(check.call().getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        } finally {
            check.close();
        }
    }
}
