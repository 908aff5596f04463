package dev.maestro.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.maestro.error.BadRequestException;
import dev.maestro.error.ValidationException;
import dev.maestro.store.MongoConnection;
import dev.maestro.store.PageRequest;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Telemetry's validation, queries, group-by counts and anomalies on a real MongoDB-wire server. */
class TelemetryStoreTest {
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static MongoServer server;
    private static MongoConnection mongo;
    private TelemetryStore store;

    @BeforeAll
    static void start() {
        server = new MongoServer(new MemoryBackend());
        mongo = new MongoConnection(server.bindAndGetConnectionString());
    }

    @AfterAll
    static void stop() {
        mongo.close();
        server.shutdownNow();
    }

    @BeforeEach
    void emptyCollection() {
        mongo.database().getCollection(TelemetryStore.COLLECTION).drop();
        store = new TelemetryStore(mongo.database());
    }

    private static Map<String, Object> event(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    private void add(Map<String, Object>... events) {
        store.insertAll(java.util.Arrays.stream(events).map(TelemetryEvents::parse).toList());
    }

    private static String ago(int minutes) {
        return NOW.minusSeconds(60L * minutes).toString();
    }

    @Test
    void anEventGetsEveryFieldWithItsDefaultAndLosesUnknownKeys() {
        Document doc = TelemetryEvents.parse(event("kind", "job_result", "runtime", "lava-a", "result", "pass", "bogus", 1));
        assertThat(doc).containsEntry("kind", "job_result").containsEntry("runtime", "lava-a").containsEntry("result", "pass")
                .containsEntry("is_infra_error", false).containsEntry("retry", 0L).containsEntry("device_type", null)
                .containsKey("ts").doesNotContainKey("bogus");
        assertThat(doc.get("extra")).isEqualTo(new Document());
    }

    @Test
    void aBadEventNamesEveryProblem() {
        assertThatThrownBy(() -> TelemetryEvents.parse(event("runtime", 3, "is_infra_error", "yes")))
                .isInstanceOf(BadRequestException.class)
                .hasMessageStartingWith("Invalid telemetry event: 3 validation errors for TelemetryEvent")
                .hasMessageContaining("kind\n  Field required").hasMessageContaining("runtime\n  Input should be a valid string")
                .hasMessageContaining("is_infra_error\n  Input should be a valid boolean");
        assertThatThrownBy(() -> TelemetryEvents.parse("text")).hasMessageContaining("valid dictionary");
    }

    @Test
    void findFiltersByTypedEqualityAndTimeRange() {
        add(event("kind", "job_result", "runtime", "a", "result", "fail", "is_infra_error", true, "retry", 1, "ts", ago(30)),
                event("kind", "job_result", "runtime", "a", "result", "pass", "ts", ago(90)),
                event("kind", "runtime_error", "runtime", "b", "ts", ago(10)));
        assertThat(store.find(TelemetryQuery.find(Map.of("runtime", "a")), PageRequest.from(Map.of())).total()).isEqualTo(2);
        assertThat(store.find(TelemetryQuery.find(Map.of("is_infra_error", "TRUE", "retry", "1")), PageRequest.from(Map.of()))
                .items()).singleElement().satisfies(e -> assertThat(e).containsEntry("result", "fail").containsKey("id"));
        assertThat(store.find(TelemetryQuery.find(Map.of("since", ago(60))), PageRequest.from(Map.of())).total()).isEqualTo(2);
        assertThat(store.find(TelemetryQuery.find(Map.of("since", ago(60), "until", ago(20))), PageRequest.from(Map.of())).total())
                .isEqualTo(1);
        assertThatThrownBy(() -> TelemetryQuery.find(Map.of("is_infra_error", "maybe")))
                .hasMessage("Bad is_infra_error value, use 'true' or 'false'");
        assertThatThrownBy(() -> TelemetryQuery.find(Map.of("since", "yesterday"))).isInstanceOf(BadRequestException.class);
    }

    @Test
    void statsCountResultsPerGroupLargestFirst() {
        add(event("kind", "job_result", "runtime", "a", "device_type", "rpi", "result", "pass"),
                event("kind", "job_result", "runtime", "a", "device_type", "rpi", "result", "fail"),
                event("kind", "job_result", "runtime", "a", "device_type", "x86", "result", "incomplete", "is_infra_error", true),
                event("kind", "test_result", "runtime", "b", "device_type", "rpi", "result", "skip"));
        List<Map<String, Object>> rows = store.stats(TelemetryQuery.groupBy("lab,device_type"),
                TelemetryQuery.stats(Map.of("kind", "job_result")));
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).containsExactlyEntriesOf(ordered("lab", "a", "device_type", "rpi", "total", 2L, "pass", 1L,
                "fail", 1L, "incomplete", 0L, "skip", 0L, "infra_error", 0L));
        assertThat(rows.get(1)).containsEntry("device_type", "x86").containsEntry("incomplete", 1L).containsEntry("infra_error", 1L);
        assertThatThrownBy(() -> TelemetryQuery.groupBy(null)).hasMessage("'group_by' parameter is required");
        assertThatThrownBy(() -> TelemetryQuery.groupBy("runtime,colour")).hasMessage("Invalid group_by fields: {'colour'}");
        assertThatThrownBy(() -> TelemetryQuery.stats(Map.of("lab", "a", "runtime", "b")))
                .hasMessage("'lab' and 'runtime' must match when both are provided");
    }

    @Test
    void anomaliesFlagGroupsOverTheThresholdAndRepeatedRuntimeErrors() {
        add(event("kind", "job_result", "runtime", "lab-bad", "device_type", "rpi", "result", "incomplete", "is_infra_error", true,
                        "error_type", "Infrastructure", "error_msg", "old", "ts", ago(50)),
                event("kind", "job_result", "runtime", "lab-bad", "device_type", "rpi", "result", "incomplete", "is_infra_error", true,
                        "error_type", "Infrastructure", "error_msg", "newest", "ts", ago(5)),
                event("kind", "test_result", "runtime", "lab-bad", "device_type", "rpi", "result", "fail", "ts", ago(20)),
                event("kind", "job_result", "runtime", "lab-good", "device_type", "rpi", "result", "pass", "ts", ago(5)),
                event("kind", "job_result", "runtime", "lab-good", "device_type", "rpi", "result", "pass", "ts", ago(6)),
                event("kind", "job_result", "runtime", "lab-good", "device_type", "rpi", "result", "fail", "ts", ago(7)),
                event("kind", "job_result", "runtime", "lab-bad", "device_type", "rpi", "result", "fail", "ts", ago(600)),
                event("kind", "runtime_error", "runtime", "lab-bad", "error_type", "submit", "ts", ago(1)),
                event("kind", "job_skip", "runtime", "lab-bad", "error_type", "submit", "ts", ago(2)),
                event("kind", "runtime_error", "runtime", "lab-bad", "error_type", "submit", "ts", ago(3)));

        Map<String, Object> report = TelemetryAnomalies.of("1h", null, null, null).report(store, NOW);
        assertThat(report).containsEntry("window", "1h").containsEntry("threshold", 0.5).containsEntry("min_total", 3)
                .containsEntry("scope", "device_type").containsEntry("since", "2026-12-01T11:00:00.000000+00:00");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> results = (List<Map<String, Object>>) report.get("result_anomalies");
        assertThat(results).singleElement().satisfies(r -> assertThat(r)
                .containsEntry("runtime", "lab-bad").containsEntry("lab", "lab-bad").containsEntry("total", 3L)
                .containsEntry("infra_error", 2L).containsEntry("infra_rate", 0.667).containsEntry("fail_rate", 1.0)
                .containsEntry("constant_failure", true).containsEntry("constant_infra_failure", false)
                .containsEntry("latest_error_msg", "newest").containsEntry("last_seen", "2026-12-01T11:55:00"));
        assertThat(report.get("error_anomalies")).isEqualTo(List.of(ordered("runtime", "lab-bad", "error_type", "submit", "count", 3L)));

        assertThat((List<?>) TelemetryAnomalies.of("1h", "0.3", "3", null).report(store, NOW).get("result_anomalies")).hasSize(2);
        assertThat((List<?>) TelemetryAnomalies.of("1h", null, null, "device").report(store, NOW).get("result_anomalies")).isEmpty();
    }

    @Test
    void anomalyParametersAreCheckedWithKernelciCodes() {
        assertThatThrownBy(() -> TelemetryAnomalies.of("2h", null, null, null))
                .isInstanceOf(BadRequestException.class).hasMessage("Invalid window '2h'. Use: 1h, 3h, 6h, 12h, 24h, 48h");
        assertThatThrownBy(() -> TelemetryAnomalies.of(null, "1.5", null, null)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> TelemetryAnomalies.of(null, null, "0", null)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> TelemetryAnomalies.of(null, null, null, "rack")).isInstanceOf(ValidationException.class);
    }

    private static Map<String, Object> ordered(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }
}
