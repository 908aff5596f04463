package dev.maestro.pipeline.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maestro.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.StreamEntryID;
import redis.embedded.RedisServer;

/**
 * pipeline.ear on a full Payara Server: it deploys, its lifecycle timer ticks and its monitor
 * bean receives a node event added to the Redis stream. The adapter inside the EAR is named
 * {@code pipeline#maestro-stream-ra}, which the server learns as a system property (set while it
 * runs, no restart needed).
 */
class PipelineEarSmokeIT {
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final Path DIR = Path.of(System.getProperty("smoke.dir"));
    private static final int REDIS_PORT = Integer.parseInt(System.getProperty("smoke.redis.port"));
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static RedisServer redis;
    private static PayaraServer server;

    @BeforeAll
    static void startServer() throws IOException {
        redis = RedisServer.newRedisServer().port(REDIS_PORT).bind("127.0.0.1").build();
        redis.start();
        Instant began = Instant.now();
        server = new PayaraServer(DIR.resolve("payara-server/payara6"), DIR.resolve("domains"),
                Map.of("REDIS_HOST", "127.0.0.1:" + REDIS_PORT, "MAESTRO_INSTANCE_ID", "ear-smoke", "MAESTRO_LIFECYCLE_PERIOD", "1s"));
        server.create();
        server.start();
        server.remote("create-system-properties", "MAESTRO_RA_NAME=pipeline#maestro-stream-ra");
        server.remote("deploy", DIR.resolve("pipeline.ear").toString());
        System.out.printf("EAR SMOKE: domain created, started and pipeline.ear deployed in %d s%n",
                Duration.between(began, Instant.now()).toSeconds());
    }

    @AfterAll
    static void stopServer() throws IOException {
        if (server != null) {
            server.close();
        }
        if (redis != null) {
            redis.stop();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void timerTicksAndTheMonitorBeanReceivesANodeEvent() throws IOException {
        Map<String, Object> lifecycle = poll("two timer ticks", () -> (Map<String, Object>) stats().get("lifecycle"),
                l -> ((Number) l.get("ticks")).longValue() >= 2);
        assertThat(lifecycle).containsEntry("period_ms", 1000);

        poll("the monitor's consumer", () -> monitor(stats()), m -> !m.isEmpty());
        try (Jedis jedis = new Jedis("127.0.0.1", REDIS_PORT)) {
            jedis.xadd("maestro:events:node", StreamEntryID.NEW_ENTRY, Map.of("channel", "node", "sequence_id", "1", "event",
                    "{\"id\":\"smoke-1\",\"data\":{\"op\":\"created\",\"id\":\"65f0a1b2c3d4e5f6a7b8c9d0\",\"kind\":\"checkout\","
                            + "\"name\":\"checkout\",\"state\":\"running\",\"result\":null,\"owner\":\"admin\"}}"));
        }
        Map<String, Object> monitor = poll("the monitor's acknowledgement", () -> monitor(stats()),
                m -> ((Number) m.get("acknowledged")).longValue() >= 1);
        assertThat(monitor).containsEntry("consumer", "ear-smoke").containsEntry("failures", 0);
        assertThat(Files.readString(server.serverLog())).contains("node event #1 created checkout 65f0a1b2c3d4e5f6a7b8c9d0");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> monitor(Map<String, Object> stats) {
        return ((List<Map<String, Object>>) stats.get("consumers")).stream()
                .filter(c -> "monitor".equals(c.get("group"))).findFirst().orElse(Map.of());
    }

    private static Map<String, Object> stats() {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.httpPort() + "/pipeline/stats"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("/pipeline/stats answered " + r.statusCode());
            }
            return Json.readMap(r.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static <T> T poll(String what, Supplier<T> probe, java.util.function.Predicate<T> done) {
        Instant deadline = Instant.now().plus(WAIT);
        RuntimeException lastError = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                T value = probe.get();
                if (done.test(value)) {
                    return value;
                }
            } catch (RuntimeException e) {
                lastError = e;
            }
            LockSupport.parkNanos(Duration.ofMillis(250).toNanos());
        }
        throw new AssertionError("Timed out waiting for " + what + "; see " + server.serverLog(), lastError);
    }
}
