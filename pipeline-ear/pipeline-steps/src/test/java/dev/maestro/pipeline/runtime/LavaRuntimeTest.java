package dev.maestro.pipeline.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.maestro.pipeline.config.JobConfig;
import dev.maestro.pipeline.config.JobKind;
import dev.maestro.pipeline.config.LabType;
import dev.maestro.pipeline.config.LavaConfig;
import dev.maestro.pipeline.config.PlatformConfig;
import dev.maestro.pipeline.config.RuntimeConfig;
import dev.maestro.pipeline.jobs.JobTemplates;
import dev.maestro.testsupport.FakeLavaServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

class LavaRuntimeTest {
    private static final String NODE_ID = "65a1f0c2e4b0a1b2c3d4e5f6";
    private static final PlatformConfig QEMU = new PlatformConfig("qemu-x86_64", "x86_64", "qemu", "qemu", "qemu",
            List.of(), Map.of());
    private static final JobEnvironment ENVIRONMENT = new JobEnvironment(URI.create("http://127.0.0.1:8001/"), "api-t0ken",
            URI.create("http://127.0.0.1:8001/pipeline/storage"), URI.create("http://127.0.0.1:8001/pipeline/storage/"), "storage-t0ken");

    @TempDir
    Path tmp;

    private FakeLavaServer lava;

    @BeforeEach
    void startLab() throws IOException {
        lava = FakeLavaServer.start("rest-t0ken");
    }

    @AfterEach
    void stopLab() {
        lava.close();
    }

    private RuntimeConfig runtime(URI url, Optional<URI> callbackUrl, Optional<Integer> priority,
                                  Optional<Duration> queueTimeout) {
        return new RuntimeConfig("lab-one", LabType.LAVA, Duration.ofMinutes(20), Optional.of(new LavaConfig(url,
                "rest-t0ken", "maestro-callback", "callback-s3cret", callbackUrl, priority, Optional.empty(), queueTimeout)));
    }

    private LavaRuntime runtime() {
        return new LavaRuntime(runtime(lava.url(), Optional.empty(), Optional.empty(), Optional.empty()),
                JobTemplates.builtIn(), ENVIRONMENT);
    }

    private JobRequest request(String template, Map<String, Object> params, Map<String, Object> data) {
        Map<String, Object> node = Map.of("id", NODE_ID, "name", "baseline-x86", "path", List.of("checkout", "kbuild", "baseline-x86"),
                "data", data);
        return new JobRequest(node, new JobConfig("baseline-x86", JobKind.JOB, template, params, "boot"), QEMU,
                Map.of("kernel", "http://127.0.0.1:8001/pipeline/storage/kbuild-1/bzImage"));
    }

    private JobRequest bootRequest() {
        return request("lava-qemu-boot.yaml", Map.of("qemu_arch", "amd64", "ramdisk_url", "http://files.example/rd.cpio.gz"),
                Map.of("kernel_revision", Map.of("tree", "toy", "describe", "v6.1-3-gabc")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> yaml(String text) {
        return (Map<String, Object>) new Yaml().load(text);
    }

    @Test
    void theBuiltInBootTemplateIsSubmittedToTheLabsRestApiWithItsTokenAndTheCallbackToThisNode() {
        RunningJob job = runtime().submit(bootRequest());

        assertThat(lava.submissions()).hasSize(1);
        FakeLavaServer.Submission sent = lava.submissions().get(0);
        assertThat(sent.authorization()).isEqualTo("Token rest-t0ken");
        assertThat(sent.contentType()).isEqualTo("application/json");
        Map<String, Object> definition = yaml(sent.definition());
        assertThat(definition).containsEntry("device_type", "qemu")
                .containsEntry("job_name", NODE_ID + " baseline-x86 v6.1-3-gabc")
                .containsEntry("priority", LavaPriority.LOW)
                .containsEntry("metadata", Map.of("node_id", NODE_ID))
                .containsEntry("notify", Map.of("criteria", Map.of("status", "finished"), "callback", Map.of(
                        "url", "http://127.0.0.1:8001/pipeline/callback/lava/" + NODE_ID, "method", "POST",
                        "token", "maestro-callback", "dataset", "all", "content-type", "json")));
        assertThat(definition.get("timeouts")).isEqualTo(Map.of("job", Map.of("minutes", 35), "action", Map.of("minutes", 10),
                "connection", Map.of("minutes", 2)));
        assertThat(sent.definition()).contains("url: http://127.0.0.1:8001/pipeline/storage/kbuild-1/bzImage")
                .contains("arch: amd64").doesNotContain("callback-s3cret").doesNotContain("rest-t0ken");
        assertThat(job.watched()).isFalse();
        assertThat(job.jobId()).isEqualTo("1000");
        assertThat(job.nodeData()).isEqualTo(Map.of("job_id", "1000", "job_url", lava.url() + "/scheduler/job/1000"));
        assertThat(job.poll()).isEmpty();
    }

    @Test
    void aValueCannotChangeTheDefinitionsStructure() throws IOException {
        Files.createDirectories(tmp.resolve("templates"));
        Files.writeString(tmp.resolve("templates/probe.yaml"), "device_type: {{device_type}}\nactions:\n- test:\n    name: {{evil}}\n");
        String evil = "x\"\nnotify: {callback: {url: http://attacker}}\n# {{node_id}}";
        String generated = new LavaRuntime(runtime(lava.url(), Optional.of(URI.create("https://pipe.example/pipeline/")),
                Optional.of(50), Optional.of(Duration.ofDays(1))), JobTemplates.besideConfig(tmp.resolve("pipeline.yaml")),
                ENVIRONMENT).generate(request("probe.yaml", Map.of("evil", evil, "priority", "high"), Map.of()));
        Map<String, Object> definition = yaml(generated);
        assertThat(definition.get("actions")).isEqualTo(List.of(Map.of("test", Map.of("name", evil))));
        assertThat(((Map<?, ?>) ((Map<?, ?>) definition.get("notify")).get("callback")).get("url"))
                .isEqualTo("https://pipe.example/pipeline/callback/lava/" + NODE_ID);
        assertThat(definition).containsEntry("priority", 30).containsEntry("timeouts", Map.of("queue", Map.of("seconds", 86400)));
    }

    @Test
    void aPlaceholderWithoutValueFailsTheGenerationAndNamesIt() throws IOException {
        Files.createDirectories(tmp.resolve("templates"));
        Files.writeString(tmp.resolve("templates/typo.yaml"), "device_type: {{devce_type}}\n");
        LavaRuntime runtime = new LavaRuntime(runtime(lava.url(), Optional.empty(), Optional.empty(), Optional.empty()),
                JobTemplates.besideConfig(tmp.resolve("pipeline.yaml")), ENVIRONMENT);
        assertThatThrownBy(() -> runtime.submit(request("typo.yaml", Map.of(), Map.of())))
                .isInstanceOfSatisfying(JobRuntimeException.class, e -> {
                    assertThat(e.failure().errorCode()).isEqualTo(JobFailure.JOB_GENERATION_ERROR);
                    assertThat(e.getMessage()).contains("{{devce_type}} has no value");
                });
        assertThat(lava.submissions()).isEmpty();
    }

    @Test
    void aLabAnswering5xxFailsTheSubmissionWithSubmitErrorAndTheStatus() {
        lava.failWith(503);
        assertThatThrownBy(() -> runtime().submit(bootRequest()))
                .isInstanceOfSatisfying(JobRuntimeException.class, e -> {
                    assertThat(e.failure().errorCode()).isEqualTo(JobFailure.SUBMIT_ERROR);
                    assertThat(e.getMessage()).contains("lab-one").contains("HTTP 503").contains("lab is down")
                            .doesNotContain("rest-t0ken");
                });
    }

    @Test
    void aLabThatCannotBeReachedFailsTheSubmissionWithSubmitError() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        LavaRuntime unreachable = new LavaRuntime(runtime(URI.create("http://127.0.0.1:" + closedPort), Optional.empty(),
                Optional.empty(), Optional.empty()), JobTemplates.builtIn(), ENVIRONMENT);
        assertThatThrownBy(() -> unreachable.submit(bootRequest()))
                .isInstanceOfSatisfying(JobRuntimeException.class, e -> {
                    assertThat(e.failure().errorCode()).isEqualTo(JobFailure.SUBMIT_ERROR);
                    assertThat(e.getMessage()).contains("cannot be reached");
                });
    }

    @Test
    void aWrongTokenIsRefusedByTheLabAndReportedAsSuch() {
        LavaRuntime wrongToken = new LavaRuntime(new RuntimeConfig("lab-one", LabType.LAVA, Duration.ofMinutes(20),
                Optional.of(new LavaConfig(lava.url(), "wrong", "maestro-callback", "callback-s3cret", Optional.empty(),
                        Optional.empty(), Optional.empty(), Optional.empty()))), JobTemplates.builtIn(), ENVIRONMENT);
        assertThatThrownBy(() -> wrongToken.submit(bootRequest())).hasMessageContaining("HTTP 401").hasMessageContaining("Invalid token");
    }

    @Test
    void priorityFollowsTheNodeThenTheJobThenScalesToTheLabsRange() {
        LavaConfig ranged = new LavaConfig(lava.url(), "t", "n", "c", Optional.empty(), Optional.empty(),
                Optional.of(new LavaConfig.PriorityRange(40, 60)), Optional.empty());
        assertThat(LavaPriority.of(request("x", Map.of("priority", "medium"), Map.of()), ranged)).isEqualTo(48);
        assertThat(LavaPriority.of(request("x", Map.of("priority", "medium"), Map.of("priority", 100)), ranged)).isEqualTo(60);
        assertThat(LavaPriority.of(request("x", Map.of(), Map.of()), ranged)).isEqualTo(44);
    }
}
