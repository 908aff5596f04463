package dev.maestro.it;

import static dev.maestro.testsupport.PrometheusText.sample;
import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.maestro.it.support.NodeBodies;
import dev.maestro.testsupport.ApiClient;
import dev.maestro.testsupport.ApiResponse;
import dev.maestro.testsupport.SuiteBackends;
import dev.maestro.testsupport.Poll;
import dev.maestro.testsupport.SecondServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * MicroProfile Health (readiness follows MongoDB and Redis), the Prometheus figures at
 * {@code /metrics}, KernelCI's counter at {@code /latest/metrics}, and 503 rather than 500
 * while a backing service is away.
 */
public interface HealthAndMetricsContract extends ApiContract {
    Duration HEALTH_CHANGE = Duration.ofSeconds(30);

    @Test
    default void readinessIsUpWithMongoAndRedisChecks() {
        ApiResponse r = api().get("/health/ready");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.map()).containsEntry("status", "UP");
        assertThat(checks(r)).containsEntry("mongodb", "UP").containsEntry("redis", "UP");
        assertThat(api().get("/health/live").map()).containsEntry("status", "UP");
    }

    @Test
    default void readinessIsDownWhileRedisIsStoppedAndUpAgainAfter() {
        boolean redisDown = false;
        try {
            SuiteBackends.stopRedis();
            redisDown = true;
            ApiResponse down = Poll.until("readiness DOWN", HEALTH_CHANGE, () -> api().get("/health/ready"), r -> r.status() == 503);
            assertThat(down.map()).containsEntry("status", "DOWN");
            assertThat(checks(down)).containsEntry("redis", "DOWN").containsEntry("mongodb", "UP");
            assertThat(api().get("/health/live").status()).isEqualTo(200);

            ApiResponse kv = admin().get("/latest/kv/health/probe");
            assertThat(kv.status()).as(kv.toString()).isEqualTo(503);
            assertThat((String) kv.detail()).startsWith("Redis unavailable");

            SuiteBackends.startRedis();
            redisDown = false;
            ApiResponse up = Poll.until("readiness UP", HEALTH_CHANGE, () -> api().get("/health/ready"), r -> r.status() == 200);
            assertThat(checks(up)).containsEntry("redis", "UP");
            assertThat(admin().get("/latest/kv/health/probe").status()).isEqualTo(200);
        } finally {
            if (redisDown) {
                SuiteBackends.startRedis();
            }
        }
    }

    /** A server of its own on a MongoDB of its own, which the test then stops: the suite's database stays. */
    @Test
    default void aDatabaseThatGoesAwayAnswers503WithADetailAndReadinessDown() {
        MongoServer mongo = new MongoServer(new MemoryBackend());
        String uri = mongo.bindAndGetConnectionString();
        try (SecondServer second = ApiContract.secondServer("-DMONGO_SERVICE=" + uri)) {
            ApiClient client = second.client();
            assertThat(client.get("/health/ready").status()).isEqualTo(200);
            mongo.shutdownNow();
            ApiResponse down = Poll.until("readiness DOWN", HEALTH_CHANGE, () -> client.get("/health/ready"), r -> r.status() == 503);
            assertThat(checks(down)).containsEntry("mongodb", "DOWN").containsEntry("redis", "UP");
            ApiResponse nodes = client.get("/latest/nodes?kind=checkout");
            assertThat(nodes.status()).as(nodes.toString()).isEqualTo(503);
            assertThat((String) nodes.detail()).startsWith("Database unavailable");
        } finally {
            mongo.shutdownNow();
        }
    }

    @Test
    default void prometheusFiguresCountRoutesNodeWritesAndEvents() {
        ApiResponse created = admin().post("/latest/node", NodeBodies.checkout("metrics-probe", null));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        String id = (String) created.map().get("id");
        assertThat(admin().get("/latest/node/" + id).status()).isEqualTo(200);

        String text = api().send("GET", "/metrics", null, "").body();
        assertThat(value(text, "maestro_http_requests_seconds_count", "method=\"GET\"", "route=\"/node/{id}\"", "status=\"200\""))
                .isGreaterThanOrEqualTo(1);
        assertThat(value(text, "maestro_http_requests_seconds_count", "method=\"POST\"", "route=\"/node\"", "status=\"200\""))
                .isGreaterThanOrEqualTo(1);
        assertThat(value(text, "maestro_node_writes_total", "operation=\"created\"", "kind=\"checkout\"")).isGreaterThanOrEqualTo(1);
        assertThat(value(text, "maestro_events_published_total", "channel=\"node\"")).isGreaterThanOrEqualTo(1);
        assertThat(text).contains("maestro_listen_waiters");
    }

    /** The routes served ahead of JAX-RS count each request once, under the template of the resource method they stand in for. */
    @Test
    default void directlyServedRequestsCountOnceUnderTheirRouteTemplate() {
        String[] read = {"method=\"GET\"", "route=\"/node/{id}\"", "status=\"200\""};
        String[] missing = {"method=\"GET\"", "route=\"/node/{id}\"", "status=\"404\""};
        String[] created = {"method=\"POST\"", "route=\"/node\"", "status=\"200\""};
        List<String[]> series = List.of(read, missing, created);
        List<Long> before = counts(series);
        long kernelciBefore = value(api().get("/latest/metrics").body(), "http_requests_total", "instance=\"api\"");

        String id = (String) admin().post("/latest/node", NodeBodies.checkout("direct-metrics", null)).map().get("id");
        for (String path : List.of("/latest/node/" + id, "/node/" + id, "/v0/node/" + id)) {
            assertThat(api().get(path).status()).isEqualTo(200);
        }
        assertThat(api().get("/latest/node/ffffffffffffffffffffffff").status()).isEqualTo(404);

        List<Long> expected = List.of(before.get(0) + 3, before.get(1) + 1, before.get(2) + 1);
        Poll.until("direct requests counted", Duration.ofSeconds(10), () -> counts(series), expected::equals);
        long kernelciAfter = value(api().get("/latest/metrics").body(), "http_requests_total", "instance=\"api\"");
        assertThat(kernelciAfter).as("KernelCI's counter: 5 direct requests, the two reads of it").isEqualTo(kernelciBefore + 6);
    }

    /** The current count of each series, 0 for one not yet served. */
    private List<Long> counts(List<String[]> series) {
        String text = api().send("GET", "/metrics", null, "").body();
        return series.stream().map(labels -> sample(text, "maestro_http_requests_seconds_count", labels).orElse(0L)).toList();
    }

    @Test
    default void kernelciCounterDocumentCountsRequests() {
        ApiResponse first = api().get("/latest/metrics");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.contentType()).startsWith("text/plain");
        long before = value(first.body(), "http_requests_total", "instance=\"api\"");
        api().get("/latest/");
        long after = value(api().get("/latest/metrics").body(), "http_requests_total", "instance=\"api\"");
        assertThat(after).isGreaterThanOrEqualTo(before + 2);
    }

    /** The check names of a health document mapped to their status. */
    private static Map<String, Object> checks(ApiResponse health) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> checks = (List<Map<String, Object>>) health.map().get("checks");
        return checks.stream().collect(java.util.stream.Collectors.toMap(c -> (String) c.get("name"), c -> c.get("status")));
    }

    /** The value of the Prometheus sample {@code name} whose labels include every one of {@code labels}; fails if there is none. */
    private static long value(String prometheusText, String name, String... labels) {
        return sample(prometheusText, name, labels).orElseThrow(() -> new AssertionError("No sample " + name + " with "
                + List.of(labels) + " in:\n" + prometheusText));
    }
}
