package dev.maestro.pipeline.jobrun;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maestro.pipeline.config.JobConfig;
import dev.maestro.pipeline.config.JobKind;
import dev.maestro.pipeline.config.KubernetesConfig;
import dev.maestro.pipeline.config.LabType;
import dev.maestro.pipeline.config.PlatformConfig;
import dev.maestro.pipeline.config.RuntimeConfig;
import dev.maestro.pipeline.jobs.JobTemplates;
import dev.maestro.pipeline.runtime.AdoptedJob;
import dev.maestro.pipeline.runtime.JobEnvironment;
import dev.maestro.pipeline.runtime.JobRequest;
import dev.maestro.pipeline.runtime.JobRuntimes;
import dev.maestro.pipeline.runtime.KubernetesRuntime;
import dev.maestro.pipeline.runtime.RunningJob;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stopping pipeline leaves the jobs a cluster runs for it where they are, without closing their
 * nodes, for the next start to adopt; against fabric8's mock API server.
 */
@EnableKubernetesMockClient(crud = true, https = false)
class RunningJobsTest {
    private static final String NODE_ID = "65a1f0c2e4b0a1b2c3d4e5f6";

    static KubernetesClient client;

    @TempDir
    Path tmp;

    @AfterEach
    void disconnect() {
        KubernetesRuntime.disconnectAll();
    }

    private KubernetesRuntime runtime() throws IOException {
        Path kubeconfig = tmp.resolve("kubeconfig");
        Files.writeString(kubeconfig, """
                apiVersion: v1
                kind: Config
                clusters: [{name: mock, cluster: {server: "%s"}}]
                contexts: [{name: mock, context: {cluster: mock, user: pipeline, namespace: jobs}}]
                current-context: mock
                users: [{name: pipeline, user: {token: t}}]
                """.formatted(client.getConfiguration().getMasterUrl()));
        RuntimeConfig config = new RuntimeConfig("k8s", LabType.KUBERNETES, Duration.ofHours(1), Optional.of(
                new KubernetesConfig(Optional.of(kubeconfig), Optional.empty(), Optional.empty(), Optional.of("busybox"),
                        Map.of(), Map.of(), Optional.empty(), Optional.empty())));
        return new KubernetesRuntime(config, JobTemplates.builtIn(), tmp.resolve("work"), new JobEnvironment(
                URI.create("http://127.0.0.1:8001"), "api", URI.create("http://127.0.0.1:8001/pipeline/storage"),
                URI.create("http://127.0.0.1:8001/pipeline/storage/"), "storage"), "pipeline-1");
    }

    @Test
    void aStoppingPipelineLeavesClusterJobsRunningForTheNextStartToAdopt() throws IOException {
        JobRequest request = new JobRequest(Map.of("id", NODE_ID, "path", List.of("checkout", "kver"), "data", Map.of()),
                new JobConfig("kver", JobKind.TEST, "kver.sh", Map.of(), ""),
                new PlatformConfig("kubernetes", "", "", "", "", List.of(), Map.of()), Map.of());
        RunningJob job = runtime().submit(request);
        RunningJobs before = new RunningJobs();
        before.watch(new ObjectId(NODE_ID), job, request.artifactDirectory());

        before.stopAll();
        assertThat(before.count()).isZero();
        assertThat(client.batch().v1().jobs().inNamespace("jobs").withName(job.jobId()).get())
                .as("the Job goes on without the pipeline").isNotNull();

        List<AdoptedJob> found = JobRuntimes.adopt(runtime().config(), tmp.resolve("work"), "pipeline-1");
        assertThat(found).as("what the next start adopts").singleElement()
                .satisfies(a -> assertThat(a.job().jobId()).isEqualTo(job.jobId()));
    }
}
