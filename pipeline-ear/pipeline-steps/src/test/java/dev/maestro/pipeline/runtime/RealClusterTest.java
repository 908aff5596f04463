package dev.maestro.pipeline.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maestro.pipeline.config.JobConfig;
import dev.maestro.pipeline.config.JobKind;
import dev.maestro.pipeline.config.KubernetesConfig;
import dev.maestro.pipeline.config.LabType;
import dev.maestro.pipeline.config.PlatformConfig;
import dev.maestro.pipeline.config.RuntimeConfig;
import dev.maestro.pipeline.jobs.JobTemplates;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * A job on a real cluster, the one {@code KUBECONFIG} points at (its current context): the Job
 * runs the rendered script in {@code MAESTRO_TEST_K8S_IMAGE} (default {@code busybox:1.36}) in
 * {@code MAESTRO_TEST_K8S_NAMESPACE} (default: the context's), its log comes back, and it is
 * deleted afterwards. Skipped when {@code KUBECONFIG} is not set: the only test that may be.
 */
@EnabledIfEnvironmentVariable(named = "KUBECONFIG", matches = ".+")
class RealClusterTest {
    private static final JobEnvironment ENVIRONMENT = new JobEnvironment(URI.create("http://127.0.0.1:8001/"), "api-token",
            URI.create("http://127.0.0.1:8001/pipeline/storage"), URI.create("http://127.0.0.1:8001/pipeline/storage/"),
            "storage-token");

    @TempDir
    Path tmp;

    @AfterEach
    void disconnect() {
        KubernetesRuntime.disconnectAll();
    }

    @Test
    void aJobRunsOnTheClusterAndItsLogComesBack() throws Exception {
        String image = Optional.ofNullable(System.getenv("MAESTRO_TEST_K8S_IMAGE")).orElse("busybox:1.36");
        Optional<String> namespace = Optional.ofNullable(System.getenv("MAESTRO_TEST_K8S_NAMESPACE"));
        RuntimeConfig config = new RuntimeConfig("real-cluster", LabType.KUBERNETES, Duration.ofMinutes(5),
                Optional.of(new KubernetesConfig(Optional.empty(), Optional.empty(), namespace, Optional.of(image),
                        Map.of("cpu", "100m", "memory", "64Mi"), Map.of("memory", "128Mi"), Optional.empty(),
                        Optional.empty())));
        Files.createDirectories(tmp.resolve("templates"));
        Files.writeString(tmp.resolve("templates/hello.sh"), "echo \"hello from $NODE_ID in $(pwd)\"\n");
        String nodeId = String.format("%024x", System.currentTimeMillis());
        JobRequest request = new JobRequest(Map.of("id", nodeId, "path", List.of("checkout", "hello"), "data", Map.of()),
                new JobConfig("hello", JobKind.TEST, "hello.sh", Map.of(), ""),
                new PlatformConfig("kubernetes", "", "", "", "", List.of(), Map.of()), Map.of());

        KubernetesRuntime runtime = new KubernetesRuntime(config, JobTemplates.besideConfig(tmp.resolve("pipeline.yaml")),
                tmp.resolve("work"), ENVIRONMENT, "real-cluster-test");
        KubernetesJob job = runtime.submit(request);
        try {
            JobOutcome outcome = job.await();
            assertThat(outcome.succeeded()).as(Files.readString(outcome.logFile())).isTrue();
            assertThat(Files.readString(outcome.logFile())).contains("hello from " + nodeId + " in /work");
        } finally {
            job.cancel();
            job.discard();
        }
    }
}
