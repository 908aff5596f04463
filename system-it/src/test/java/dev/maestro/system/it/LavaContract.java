package dev.maestro.system.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maestro.json.Json;
import dev.maestro.system.it.support.Downloads;
import dev.maestro.system.it.support.SystemBackends;
import dev.maestro.testsupport.FakeLavaServer;
import dev.maestro.testsupport.Poll;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The LAVA runtime end to end, against a fake lab (a real HTTP server answering LAVA's REST API
 * as LAVA does) and callbacks shaped as LAVA sends them: a build named {@code lava-kbuild}
 * becoming available sends {@code lava-boot} to the lab with the callback to the pipeline in its
 * definition; the callback (checked token, twice delivered) closes the job with its results
 * tree and logs; a lab answering 503 fails its job {@code submit_error}.
 */
public interface LavaContract extends PipelineTraceContract {
    String CALLBACK_TOKEN = "lava-callback-s3cret";

    @Test
    default void aLavaJobIsSubmittedAndItsCallbackStoresTheResultsTreeOnce() throws Exception {
        FakeLavaServer lava = SystemBackends.lava();
        String buildId = availableBuild();
        Map<String, Object> job = Poll.until("the lava-boot job of build " + buildId + " to be submitted", WAIT,
                () -> children(buildId), nodes -> nodes.size() == 1 && PipelineTraceContract.map(nodes.get(0).get("data")).containsKey("job_id")).get(0);
        String jobId = (String) job.get("id");
        assertThat(job).containsEntry("name", "lava-boot").containsEntry("kind", "job").containsEntry("state", "running");
        Map<String, Object> data = PipelineTraceContract.map(job.get("data"));
        assertThat(data).containsEntry("runtime", "lava-lab").containsEntry("platform", "qemu-x86_64");
        FakeLavaServer.Submission sent = lava.submissions().stream()
                .filter(s -> s.definition().contains(jobId)).findFirst().orElseThrow();
        assertThat(data.get("job_url")).isEqualTo(lava.url() + "/scheduler/job/" + data.get("job_id"));
        String callbackUrl = "http://127.0.0.1:" + SystemBackends.httpPort() + "/pipeline/callback/lava/" + jobId;
        assertThat(sent.definition()).contains("device_type: qemu", "node_id: " + jobId, "url: " + callbackUrl,
                "token: maestro-callback", "dataset: all", "url: http://files.example/bzImage");

        String body = FakeLavaServer.recordedCallback("nested-test-sets", jobId);
        assertThat(post(callbackUrl, "wrong-token", body).statusCode()).isEqualTo(401);
        assertThat(post(callbackUrl, null, body).statusCode()).isEqualTo(401);
        HttpResponse<String> notJson = post(callbackUrl, CALLBACK_TOKEN, "{not json");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(Json.parseObject(notJson.body())).containsKey("detail");
        Map<String, Object> noStatus = new LinkedHashMap<>(Json.parseObject(body));
        noStatus.remove("status");
        HttpResponse<String> malformed = post(callbackUrl, CALLBACK_TOKEN, Json.write(noStatus));
        assertThat(malformed.statusCode()).isEqualTo(422);
        assertThat(Json.parseObject(malformed.body()).get("detail").toString()).contains("'status'");
        assertThat(post(callbackUrl.replace(jobId, "65a1f0c2e4b0a1b2c3d4e5f6"), CALLBACK_TOKEN, body).statusCode()).isEqualTo(404);

        assertThat(post(callbackUrl, CALLBACK_TOKEN, body).statusCode()).isEqualTo(202);
        Map<String, Object> closed = Poll.until("the callback to close job " + jobId, WAIT,
                () -> api().get("/latest/node/" + jobId).map(), n -> "done".equals(n.get("state")));
        assertThat(closed).containsEntry("result", "fail");
        assertThat(PipelineTraceContract.map(closed.get("data"))).containsEntry("device", "qemu-01").containsEntry("job_id", data.get("job_id"));
        assertThat(Downloads.text(artifact(closed, "lava_log"))).isEqualTo("Linux version 6.1.0-toy (gcc)\nRun /init as init process?\n/ #\n");
        assertThat(Downloads.text(artifact(closed, "callback_data"))).contains("actual_device_id").doesNotContain(CALLBACK_TOKEN);
        assertThat(artifact(closed, "coverage")).isEqualTo("https://files.example/cov.tar.gz");
        List<Map<String, Object>> results = subtree(jobId);
        assertThat(results).hasSize(13);
        Map<String, Object> sleep = results.stream().filter(n -> "sleep".equals(n.get("name"))).findFirst().orElseThrow();
        assertThat(sleep).containsEntry("kind", "test").containsEntry("result", "fail").containsEntry("state", "done")
                .containsEntry("group", "lava-boot")
                .containsEntry("path", List.of("lava-kbuild", "lava-boot", "kselftest-cpufreq", "cpufreq", "sleep"));
        assertThat(PipelineTraceContract.map(sleep.get("data"))).containsEntry("platform", "qemu-x86_64").containsEntry("runtime", "lava-lab");

        // LAVA calling again stores nothing new.
        HttpResponse<String> again = post(callbackUrl, CALLBACK_TOKEN, FakeLavaServer.recordedCallback("passing-boot", jobId));
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(subtree(jobId)).hasSize(13);
        assertThat(api().get("/latest/node/" + jobId).map()).containsEntry("result", "fail");
    }

    @Test
    default void aLabAnswering5xxFailsItsJobWithSubmitError() throws Exception {
        FakeLavaServer lava = SystemBackends.lava();
        lava.failWith(503);
        try {
            String buildId = availableBuild();
            // The job retry runs an incomplete job again (retry_counter 1 to 3); the first attempt is the one submitted here.
            Map<String, Object> job = Poll.until("the lava-boot job of build " + buildId + " to fail", WAIT,
                    () -> children(buildId).stream().filter(n -> ((Number) n.get("retry_counter")).intValue() == 0).toList(),
                    nodes -> nodes.size() == 1 && "done".equals(nodes.get(0).get("state"))).get(0);
            assertThat(job).containsEntry("result", "incomplete");
            assertThat(PipelineTraceContract.map(job.get("data"))).containsEntry("error_code", "submit_error");
            assertThat((String) PipelineTraceContract.map(job.get("data")).get("error_msg")).contains("lava-lab").contains("HTTP 503");
        } finally {
            lava.failWith(0);
        }
    }

    /** A build of the contract's own (no checkout above it), made available: the scheduler sends lava-boot to the lab. */
    private String availableBuild() {
        Map<String, Object> revision = Map.of("tree", "lava-toy", "url", "https://git.example.org/lava-toy.git", "branch", "main",
                "commit", UUID.randomUUID().toString().replace("-", "") + "00000000", "describe", "v6.1-lava");
        Map<String, Object> build = new LinkedHashMap<>();
        build.put("kind", "kbuild");
        build.put("name", "lava-kbuild");
        build.put("path", List.of("lava-kbuild"));
        build.put("state", "running");
        build.put("data", Map.of("kernel_revision", revision, "arch", "x86_64", "defconfig", "tinyconfig"));
        build.put("artifacts", Map.of("kernel", "http://files.example/bzImage"));
        Map<String, Object> created = admin().post("/latest/node", build).map();
        String id = (String) created.get("id");
        created.put("state", "available");
        assertThat(admin().put("/latest/node/" + id, created).status()).isEqualTo(200);
        return id;
    }

    private List<Map<String, Object>> children(String parentId) {
        return api().get("/latest/nodes?parent=" + parentId).list("items").stream().map(PipelineTraceContract::map).toList();
    }

    private static HttpResponse<String> post(String url, String authorization, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
