package dev.maestro.pipeline.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.maestro.pipeline.config.JobConfig;
import dev.maestro.pipeline.config.JobKind;
import dev.maestro.pipeline.config.KubernetesConfig;
import dev.maestro.pipeline.config.LabType;
import dev.maestro.pipeline.config.PlatformConfig;
import dev.maestro.pipeline.config.RuntimeConfig;
import dev.maestro.pipeline.jobs.JobTemplates;
import dev.maestro.testsupport.Poll;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobConditionBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Kubernetes runtime with the real fabric8 client against fabric8's mock API server in CRUD
 * mode (a real HTTP server keeping the objects it is sent, with watches). No controller runs
 * there, so the test plays the cluster's part: it makes the pod and sets the Job's status.
 *
 * <p>Each test gets its own server. The mock's event loop can stall for 30 s when a watch is
 * closed while it is sending that watch an event (its close handler waits for the send, which
 * waits for the event loop); with one server for the class, such a stall at the end of one
 * test made the next test's first request time out.
 */
@EnableKubernetesMockClient(crud = true, https = false)
class KubernetesRuntimeTest {
    private static final String NAMESPACE = "jobs";
    private static final String NODE_ID = "65a1f0c2e4b0a1b2c3d4e5f6";
    private static final PlatformConfig PLATFORM = new PlatformConfig("kubernetes", "", "", "", "", List.of(), Map.of());
    private static final JobEnvironment ENVIRONMENT = new JobEnvironment(URI.create("http://127.0.0.1:8001/"), "api-t0ken",
            URI.create("http://127.0.0.1:8001/pipeline/storage"), URI.create("http://maestro.example/storage/"),
            "storage-t0ken");
    private static final Duration WAIT = Duration.ofSeconds(20);

    KubernetesMockServer server;
    KubernetesClient client;

    @TempDir
    Path tmp;

    private Path kubeconfig;

    @BeforeEach
    void writeKubeconfig() throws IOException {
        kubeconfig = kubeconfig(client.getConfiguration().getMasterUrl());
        Files.createDirectories(tmp.resolve("templates"));
        Files.writeString(tmp.resolve("templates/probe.sh"), "echo probing {{node_id}}\n");
    }

    @AfterEach
    void disconnect() {
        KubernetesRuntime.disconnectAll();
    }

    private Path kubeconfig(String serverUrl) throws IOException {
        Path file = Files.createTempFile(tmp, "kubeconfig", ".yaml");
        Files.writeString(file, """
                apiVersion: v1
                kind: Config
                clusters:
                - name: test
                  cluster: {server: "%s"}
                contexts:
                - name: test
                  context: {cluster: test, user: tester, namespace: %s}
                current-context: test
                users:
                - name: tester
                  user: {token: cluster-token}
                """.formatted(serverUrl, NAMESPACE));
        return file;
    }

    private RuntimeConfig config(Path kubeconfig, Duration timeout, Optional<String> image) {
        return new RuntimeConfig("k8s", LabType.KUBERNETES, timeout, Optional.of(new KubernetesConfig(
                Optional.of(kubeconfig), Optional.of("test"), Optional.empty(), image,
                Map.of("cpu", "500m", "memory", "256Mi"), Map.of("memory", "1Gi"),
                Optional.of(URI.create("http://maestro.example:8001")), Optional.empty())));
    }

    private KubernetesRuntime runtime(Duration timeout, String instance) {
        return new KubernetesRuntime(config(kubeconfig, timeout, Optional.of("maestro/job:1")),
                JobTemplates.besideConfig(tmp.resolve("pipeline.yaml")), tmp.resolve("work"), ENVIRONMENT, instance);
    }

    private static JobRequest request(String nodeId, String image) {
        Map<String, Object> node = Map.of("id", nodeId, "path", List.of("checkout", "probe"), "data", Map.of());
        return new JobRequest(node, new JobConfig("probe_Job", JobKind.TEST, "probe.sh", Map.of("arch", "x86_64"), "", image),
                PLATFORM, Map.of("tarball", "http://maestro.example/storage/linux.tar.gz"));
    }

    private Job job(String name) {
        return client.batch().v1().jobs().inNamespace(NAMESPACE).withName(name).get();
    }

    /** Plays the cluster: the job's pod, ended with {@code exitCode}, whose log is {@code log}. */
    private void podEnded(String jobName, String nodeId, int exitCode, String log) {
        String pod = jobName + "-pod";
        client.pods().inNamespace(NAMESPACE).resource(new PodBuilder().withNewMetadata().withName(pod)
                .addToLabels(KubernetesJobSpec.NODE_ID, nodeId).endMetadata()
                .withNewStatus().withPhase(exitCode == 0 ? "Succeeded" : "Failed").addNewContainerStatus()
                .withName(KubernetesJobSpec.CONTAINER).withNewState().withNewTerminated().withExitCode(exitCode)
                .endTerminated().endState().endContainerStatus().endStatus().build()).create();
        server.expect().get().withPath("/api/v1/namespaces/" + NAMESPACE + "/pods/" + pod + "/log?pretty=false")
                .andReturn(200, log).always();
    }

    /** Plays the Job controller: the Job's status after its pod ended. */
    private void jobEnded(String name, boolean succeeded, String reason) {
        client.batch().v1().jobs().inNamespace(NAMESPACE).withName(name).editStatus(j -> new JobBuilder(j).withNewStatus()
                .withSucceeded(succeeded ? 1 : 0).withFailed(succeeded ? 0 : 1)
                .addToConditions(new JobConditionBuilder().withType(succeeded ? "Complete" : "Failed")
                        .withStatus("True").withReason(reason).build())
                .endStatus().build());
    }

    private static JobOutcome ended(RunningJob job) {
        return Poll.until("the job's end", WAIT, () -> job.poll().orElse(null), o -> o != null);
    }

    @Test
    void aJobBecomesAConfigMapASecretAndAJobWithTheRightSpec() {
        KubernetesRuntime runtime = runtime(Duration.ofMinutes(30), "pipeline-1");
        JobRequest request = request(NODE_ID, "");
        KubernetesJob started = runtime.submit(request);

        String name = "maestro-" + NODE_ID + "-probe-job";
        assertThat(started.jobId()).isEqualTo(name);
        Job job = job(name);
        assertThat(job.getMetadata().getLabels()).containsEntry("app.kubernetes.io/managed-by", "maestro")
                .containsEntry(KubernetesJobSpec.NODE_ID, NODE_ID).containsEntry(KubernetesJobSpec.RUNTIME, "k8s")
                .containsEntry(KubernetesJobSpec.INSTANCE, "pipeline-1");
        assertThat(job.getMetadata().getAnnotations()).containsEntry(KubernetesJobSpec.ARTIFACT_DIRECTORY, "probe_Job-" + NODE_ID)
                .containsEntry(KubernetesJobSpec.KIND, "test").containsEntry(KubernetesJobSpec.TIME_LIMIT, "1800");
        assertThat(job.getSpec().getBackoffLimit()).isZero();
        assertThat(job.getSpec().getActiveDeadlineSeconds()).isEqualTo(1800L);
        assertThat(job.getSpec().getTemplate().getMetadata().getLabels()).containsEntry(KubernetesJobSpec.NODE_ID, NODE_ID);
        assertThat(job.getSpec().getTemplate().getSpec().getRestartPolicy()).isEqualTo("Never");

        Container container = job.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(container.getImage()).as("the runtime's image, as the job names none").isEqualTo("maestro/job:1");
        assertThat(container.getCommand()).containsExactly("sh", "/maestro/job.sh");
        assertThat(container.getResources().getRequests()).containsEntry("cpu", new Quantity("500m"))
                .containsEntry("memory", new Quantity("256Mi"));
        assertThat(container.getResources().getLimits()).containsEntry("memory", new Quantity("1Gi"));
        Map<String, EnvVar> env = container.getEnv().stream().collect(Collectors.toMap(EnvVar::getName, e -> e));
        assertThat(env.get("MAESTRO_API").getValue()).as("the API as the cluster reaches it").isEqualTo("http://maestro.example:8001");
        assertThat(env.get("NODE_ID").getValue()).isEqualTo(NODE_ID);
        assertThat(env.get("PARAM_ARCH").getValue()).isEqualTo("x86_64");
        assertThat(env.get("MAESTRO_STORAGE_URL").getValue()).isEqualTo("http://127.0.0.1:8001/pipeline/storage");
        assertThat(env.get("MAESTRO_TOKEN").getValue()).as("tokens come from the Secret").isNull();
        assertThat(env.get("MAESTRO_TOKEN").getValueFrom().getSecretKeyRef().getName()).isEqualTo(name);
        assertThat(env.get("MAESTRO_STORAGE_TOKEN").getValueFrom().getSecretKeyRef().getKey()).isEqualTo("MAESTRO_STORAGE_TOKEN");
        assertThat(client.getKubernetesSerialization().asYaml(job)).doesNotContain("t0ken");

        ConfigMap script = client.configMaps().inNamespace(NAMESPACE).withName(name).get();
        assertThat(script.getData().get("job.sh")).as("the script the shell runtime would run")
                .isEqualTo(runtime.generate(request)).contains("echo probing '" + NODE_ID + "'");
        assertThat(script.getMetadata().getOwnerReferences()).singleElement()
                .satisfies(o -> assertThat(o.getUid()).isEqualTo(job.getMetadata().getUid()));
        Secret secret = client.secrets().inNamespace(NAMESPACE).withName(name).get();
        assertThat(secret.getMetadata().getOwnerReferences()).hasSize(1);
        assertThat(secret.getStringData() != null ? secret.getStringData() : decoded(secret.getData()))
                .containsEntry("MAESTRO_TOKEN", "api-t0ken").containsEntry("MAESTRO_STORAGE_TOKEN", "storage-t0ken");
    }

    private static Map<String, String> decoded(Map<String, String> data) {
        return data.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> new String(Base64.getDecoder().decode(e.getValue()))));
    }

    @Test
    void theJobsOwnImageWinsAndAJobWithNoImageAtAllFailsWithInvalidParams() {
        KubernetesRuntime runtime = runtime(Duration.ofMinutes(30), "pipeline-1");
        runtime.submit(request("65a1f0c2e4b0a1b2c3d4e5f7", "kernelci/kernelci:latest"));
        assertThat(job("maestro-65a1f0c2e4b0a1b2c3d4e5f7-probe-job").getSpec().getTemplate().getSpec().getContainers()
                .get(0).getImage()).isEqualTo("kernelci/kernelci:latest");

        KubernetesRuntime imageless = new KubernetesRuntime(config(kubeconfig, Duration.ofMinutes(1), Optional.empty()),
                JobTemplates.besideConfig(tmp.resolve("pipeline.yaml")), tmp.resolve("work"), ENVIRONMENT, "pipeline-1");
        assertThatThrownBy(() -> imageless.submit(request("65a1f0c2e4b0a1b2c3d4e5f8", "")))
                .isInstanceOfSatisfying(JobRuntimeException.class, e -> assertThat(e.failure().errorCode())
                        .isEqualTo(JobFailure.INVALID_JOB_PARAMS))
                .hasMessageContaining("has no image");
    }

    @Test
    void aSucceededJobEndsWithItsPodsLogAndIsDeletedWhenDiscarded() throws IOException {
        KubernetesJob started = runtime(Duration.ofMinutes(30), "pipeline-1").submit(request(NODE_ID, ""));
        assertThat(started.poll()).as("still running").isEmpty();

        podEnded(started.jobId(), NODE_ID, 0, "probing " + NODE_ID + "\n");
        jobEnded(started.jobId(), true, "CompletionsReached");
        JobOutcome outcome = ended(started);

        assertThat(outcome.succeeded()).isTrue();
        assertThat(outcome.failure()).isEmpty();
        assertThat(Files.readString(outcome.logFile())).isEqualTo("probing " + NODE_ID + "\n");
        started.discard();
        assertThat(job(started.jobId())).isNull();
        assertThat(client.configMaps().inNamespace(NAMESPACE).withName(started.jobId()).get()).isNull();
        assertThat(client.secrets().inNamespace(NAMESPACE).withName(started.jobId()).get()).isNull();
        assertThat(outcome.logFile()).doesNotExist();
    }

    @Test
    void aRunningJobIsFollowedThroughTheInformerWithoutAskingTheApiServerAtEachLook() {
        KubernetesJob started = runtime(Duration.ofMinutes(30), "pipeline-1").submit(request(NODE_ID, ""));
        Poll.until("the informer to hold the Job", WAIT, () -> {
            int before = server.getRequestCount();
            return started.poll().isEmpty() && server.getRequestCount() == before;
        });
        int before = server.getRequestCount();
        for (int i = 0; i < 50; i++) {
            assertThat(started.poll()).isEmpty();
        }
        assertThat(server.getRequestCount()).as("requests made by 50 looks at a running job").isEqualTo(before);

        podEnded(started.jobId(), NODE_ID, 0, "");
        jobEnded(started.jobId(), true, "CompletionsReached");
        assertThat(ended(started).succeeded()).as("the watch brings the change").isTrue();
    }

    @Test
    void aFailedJobEndsWithItsContainersExitStatus() {
        KubernetesJob started = runtime(Duration.ofMinutes(30), "pipeline-1").submit(request(NODE_ID, ""));
        podEnded(started.jobId(), NODE_ID, 3, "curl: (7) Failed to connect\n");
        jobEnded(started.jobId(), false, "BackoffLimitExceeded");

        JobOutcome outcome = ended(started);
        assertThat(outcome.exitCode()).isEqualTo(3);
        assertThat(outcome.timedOut()).isFalse();
        assertThat(outcome.failure()).hasValueSatisfying(f -> assertThat(f.errorCode()).isEqualTo(JobFailure.INFRASTRUCTURE));
    }

    @Test
    void aJobThatOverrunsItsLimitIsDeletedWithItsPods() throws IOException {
        KubernetesJob started = runtime(Duration.ofSeconds(1), "pipeline-1").submit(request(NODE_ID, ""));
        podEnded(started.jobId(), NODE_ID, 0, "still going\n");

        JobOutcome outcome = ended(started);
        assertThat(outcome.timedOut()).isTrue();
        assertThat(outcome.failure()).hasValueSatisfying(f -> assertThat(f.errorCode()).isEqualTo(JobFailure.NODE_TIMEOUT));
        assertThat(Files.readString(outcome.logFile())).isEqualTo("still going\n");
        assertThat(job(started.jobId())).as("deleted at its limit").isNull();
    }

    @Test
    void aJobTheClusterStoppedAtItsDeadlineCountsAsTimedOut() {
        KubernetesJob started = runtime(Duration.ofMinutes(30), "pipeline-1").submit(request(NODE_ID, ""));
        jobEnded(started.jobId(), false, "DeadlineExceeded");
        assertThat(ended(started).timedOut()).isTrue();
    }

    @Test
    void aRestartedPipelineAdoptsItsRunningJobsByLabelAndNoOneElses() throws IOException {
        KubernetesJob before = runtime(Duration.ofMinutes(30), "pipeline-1").submit(request(NODE_ID, ""));
        runtime(Duration.ofMinutes(30), "pipeline-2").submit(request("65a1f0c2e4b0a1b2c3d4e5f9", ""));
        assertThat(before.detach()).as("the Job goes on without the pipeline").isTrue();
        KubernetesRuntime.disconnectAll();

        List<AdoptedJob> adopted = KubernetesRuntime.adopt(runtime(Duration.ofMinutes(30), "pipeline-1").config(),
                tmp.resolve("work"), "pipeline-1");
        assertThat(adopted).singleElement().satisfies(a -> {
            assertThat(a.nodeId()).isEqualTo(NODE_ID);
            assertThat(a.artifactDirectory()).isEqualTo("probe_Job-" + NODE_ID);
            assertThat(a.job().jobId()).isEqualTo(before.jobId());
        });
        RunningJob job = adopted.get(0).job();
        assertThat(job.poll()).as("still running").isEmpty();

        podEnded(before.jobId(), NODE_ID, 0, "done after the restart\n");
        jobEnded(before.jobId(), true, "CompletionsReached");
        JobOutcome outcome = ended(job);
        assertThat(outcome.succeeded()).isTrue();
        assertThat(Files.readString(outcome.logFile())).isEqualTo("done after the restart\n");
    }

    @Test
    void aClusterThatCannotBeReachedFailsTheJobWithASubmitErrorAtOnce() throws IOException {
        Path nowhere = kubeconfig("http://127.0.0.1:9");
        KubernetesRuntime runtime = new KubernetesRuntime(config(nowhere, Duration.ofMinutes(1), Optional.of("img")),
                JobTemplates.besideConfig(tmp.resolve("pipeline.yaml")), tmp.resolve("work"), ENVIRONMENT, "pipeline-1");

        assertThatThrownBy(() -> runtime.submit(request(NODE_ID, "")))
                .isInstanceOfSatisfying(JobRuntimeException.class, e -> assertThat(e.failure().errorCode())
                        .isEqualTo(JobFailure.SUBMIT_ERROR))
                .hasMessageContaining("Kubernetes cluster http://127.0.0.1:9/").hasMessageContaining("cannot be reached");
        long before = System.nanoTime();
        assertThatThrownBy(() -> runtime.submit(request("65a1f0c2e4b0a1b2c3d4e5f7", "")))
                .hasMessageContaining("cannot be reached");
        assertThat(Duration.ofNanos(System.nanoTime() - before)).as("a known-down cluster is not asked again at once")
                .isLessThan(Duration.ofSeconds(1));
        assertThatThrownBy(() -> KubernetesRuntime.adopt(runtime.config(), tmp.resolve("work"), "pipeline-1"))
                .isInstanceOf(JobRuntimeException.class);
    }
}
