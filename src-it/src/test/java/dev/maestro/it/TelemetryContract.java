package dev.maestro.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maestro.it.support.NodeBodies;
import dev.maestro.it.support.TestUsers;
import dev.maestro.testsupport.ApiResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** KernelCI's telemetry API: adding events, the paged query, group-by counts and the anomaly report, with their errors. */
public interface TelemetryContract extends ApiContract {

    private static Map<String, Object> event(String runtime, String kind, String result, boolean infra, String deviceType) {
        return NodeBodies.map("kind", kind, "runtime", runtime, "device_type", deviceType, "job_name", "baseline", "result", result,
                "is_infra_error", infra, "error_type", infra ? "Infrastructure" : null, "unknown_key", "dropped");
    }

    @Test
    default void eventsAreAddedAsAListOrOneAndReadBackPaged() {
        String runtime = TestUsers.unique("lava");
        ApiResponse added = admin().post("/latest/telemetry", List.of(event(runtime, "job_result", "pass", false, "rpi"),
                event(runtime, "job_result", "fail", false, "rpi")));
        assertThat(added.status()).as(added.toString()).isEqualTo(200);
        assertThat(added.map()).isEqualTo(Map.of("inserted", 2));
        assertThat(admin().post("/latest/telemetry", event(runtime, "test_result", "incomplete", true, "x86")).map())
                .isEqualTo(Map.of("inserted", 1));

        ApiResponse page = api().get("/latest/telemetry?runtime=" + runtime + "&limit=2");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.map()).containsEntry("total", 3).containsEntry("limit", 2).containsEntry("offset", 0);
        @SuppressWarnings("unchecked")
        Map<String, Object> first = (Map<String, Object>) page.list("items").get(0);
        assertThat(first).containsKeys("id", "ts", "retry", "extra", "test_name").containsEntry("result", "pass")
                .doesNotContainKey("unknown_key");
        assertThat(api().get("/latest/telemetry?runtime=" + runtime + "&is_infra_error=True").map()).containsEntry("total", 1);
        assertThat(api().get("/latest/telemetry?runtime=" + runtime + "&since=" + Instant.now().plusSeconds(60)).map())
                .containsEntry("total", 0);
    }

    @Test
    default void badEventsAndQueriesAnswerKernelciErrors() {
        String runtime = TestUsers.unique("lava");
        assertThat(api().anonymous().post("/latest/telemetry", List.of(event(runtime, "job_result", "pass", false, "rpi"))).status())
                .isEqualTo(401);
        ApiResponse empty = admin().post("/latest/telemetry", List.of());
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.detail()).isEqualTo("Events list cannot be empty");
        ApiResponse invalid = admin().post("/latest/telemetry", List.of(event(runtime, "job_result", "pass", false, "rpi"),
                Map.of("runtime", runtime)));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat((String) invalid.detail()).startsWith("Invalid telemetry event: ").contains("kind");
        assertThat(api().get("/latest/telemetry?runtime=" + runtime).map()).as("nothing inserted").containsEntry("total", 0);
        assertThat(admin().post("/latest/telemetry", "\"text\"").status()).isEqualTo(422);

        ApiResponse flag = api().get("/latest/telemetry?is_infra_error=maybe");
        assertThat(flag.status()).isEqualTo(400);
        assertThat(flag.detail()).isEqualTo("Bad is_infra_error value, use 'true' or 'false'");
        assertThat(api().get("/latest/telemetry?limit=0").status()).isEqualTo(422);
        assertThat(api().get("/latest/telemetry/stats").detail()).isEqualTo("'group_by' parameter is required");
        assertThat(api().get("/latest/telemetry/stats?group_by=runtime,colour").detail()).isEqualTo("Invalid group_by fields: {'colour'}");
        assertThat(api().get("/latest/telemetry/stats?group_by=lab&lab=a&runtime=b").detail())
                .isEqualTo("'lab' and 'runtime' must match when both are provided");
        ApiResponse window = api().get("/latest/telemetry/anomalies?window=2h");
        assertThat(window.status()).isEqualTo(400);
        assertThat(window.detail()).isEqualTo("Invalid window '2h'. Use: 1h, 3h, 6h, 12h, 24h, 48h");
        assertThat(api().get("/latest/telemetry/anomalies?threshold=1.5").status()).isEqualTo(422);
        assertThat(api().get("/latest/telemetry/anomalies?min_total=0").status()).isEqualTo(422);
        assertThat(api().get("/latest/telemetry/anomalies?scope=rack").status()).isEqualTo(422);
    }

    @Test
    default void statsGroupAndAnomaliesFlagAFailingLab() {
        String bad = TestUsers.unique("lab-bad");
        admin().post("/latest/telemetry", List.of(event(bad, "job_result", "incomplete", true, "rpi"),
                event(bad, "job_result", "incomplete", true, "rpi"), event(bad, "job_result", "fail", false, "rpi"),
                event(bad, "job_result", "pass", false, "x86")));

        ApiResponse stats = api().get("/latest/telemetry/stats?group_by=lab,device_type&runtime=" + bad);
        assertThat(stats.status()).isEqualTo(200);
        assertThat(stats.list()).hasSize(2);
        assertThat(stats.list().get(0)).isEqualTo(NodeBodies.map("lab", bad, "device_type", "rpi", "total", 3, "pass", 0,
                "fail", 1, "incomplete", 2, "skip", 0, "infra_error", 2));

        ApiResponse report = api().get("/latest/telemetry/anomalies?window=1h");
        assertThat(report.status()).isEqualTo(200);
        assertThat(report.map()).containsEntry("window", "1h").containsEntry("threshold", 0.5).containsEntry("min_total", 3)
                .containsEntry("scope", "device_type").containsKey("error_anomalies");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = ((List<Map<String, Object>>) report.map().get("result_anomalies")).stream()
                .filter(r -> bad.equals(r.get("runtime"))).toList();
        assertThat(rows).singleElement().satisfies(r -> assertThat(r).containsEntry("device_type", "rpi").containsEntry("total", 3)
                .containsEntry("infra_rate", 0.667).containsEntry("fail_rate", 1.0).containsEntry("constant_failure", true)
                .containsEntry("latest_error_type", "Infrastructure").containsKey("last_seen"));
    }
}
