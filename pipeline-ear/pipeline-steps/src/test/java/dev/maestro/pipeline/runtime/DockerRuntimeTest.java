package dev.maestro.pipeline.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.maestro.pipeline.config.DockerRuntimeConfig;
import dev.maestro.pipeline.config.JobConfig;
import dev.maestro.pipeline.config.JobKind;
import dev.maestro.pipeline.config.LabType;
import dev.maestro.pipeline.config.PlatformConfig;
import dev.maestro.pipeline.config.RuntimeConfig;
import dev.maestro.pipeline.jobs.JobTemplates;
import dev.maestro.testsupport.DockerDaemon;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Docker runtime against a real Docker Engine (Debian's docker.io, started here if it is not running). */
class DockerRuntimeTest {
    private static final String RUNTIME = "docker-unit";
    private static final PlatformConfig PLATFORM = new PlatformConfig("docker", "", "", "", "", List.of(), Map.of());
    private static final JobEnvironment ENVIRONMENT = new JobEnvironment(URI.create("http://127.0.0.1:8001/"), "api-t0ken",
            URI.create("http://127.0.0.1:8001/pipeline/storage"), URI.create("http://127.0.0.1:8001/pipeline/storage/"), "storage-t0ken");
    private static String image;

    @TempDir
    Path tmp;

    @BeforeAll
    static void dockerd() {
        image = DockerDaemon.jobImage();
    }

    @AfterEach
    void removeContainers() throws IOException {
        try (DockerClient docker = DockerEngine.connect(DockerRuntimeConfig.DEFAULT_HOST)) {
            docker.listContainersCmd().withShowAll(true).withLabelFilter(Map.of(ContainerLabels.RUNTIME, RUNTIME)).exec()
                    .forEach(c -> docker.removeContainerCmd(c.getId()).withForce(true).exec());
        }
    }

    private static RuntimeConfig config(DockerRuntimeConfig docker) {
        return new RuntimeConfig(RUNTIME, LabType.DOCKER, Duration.ofMinutes(5), Optional.of(docker));
    }

    private JobRuntime runtime(RuntimeConfig config) {
        return JobRuntimes.create(config, JobTemplates.besideConfig(tmp.resolve("pipeline.yaml")), tmp.resolve("work"),
                ENVIRONMENT, "pipeline-1");
    }

    private JobRuntime runtime() {
        return runtime(config(DockerRuntimeConfig.defaults()));
    }

    private JobRequest request(String body, String jobImage, Map<String, Object> params) throws IOException {
        Files.createDirectories(tmp.resolve("templates"));
        Files.writeString(tmp.resolve("templates/test.sh"), body);
        byte[] id = new byte[12];
        ThreadLocalRandom.current().nextBytes(id);
        String nodeId = HexFormat.of().formatHex(id);
        return new JobRequest(Map.of("id", nodeId, "path", List.of("checkout", "probe")),
                new JobConfig("probe", JobKind.TEST, "test.sh", params, "", jobImage), PLATFORM, Map.of());
    }

    private JobRequest request(String body) throws IOException {
        return request(body, image, Map.of());
    }

    private static InspectContainerResponse inspect(String id) throws IOException {
        try (DockerClient docker = DockerEngine.connect(DockerRuntimeConfig.DEFAULT_HOST)) {
            return docker.inspectContainerCmd(id).exec();
        }
    }

    private static boolean exists(String id) throws IOException {
        try {
            inspect(id);
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    @Test
    void theJobsScriptRunsInAContainerOfItsImageWithItsVariablesLabelsAndLimits() throws Exception {
        Path shared = Files.createDirectories(tmp.resolve("shared"));
        Files.writeString(shared.resolve("from-the-host.txt"), "hello");
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxr-xr-x"));
        DockerRuntimeConfig limited = new DockerRuntimeConfig(DockerRuntimeConfig.DEFAULT_HOST, "host", "65534:65534",
                List.of(shared + ":/host-dir:ro"), Optional.of(256L), Optional.of(0.5));
        JobRequest request = request("echo node $NODE_ID token $MAESTRO_TOKEN param $PARAM_ARCH\n"
                + "echo to stderr >&2\nid -u\npwd\ntouch here && echo writable\ncat /host-dir/from-the-host.txt\n", image,
                Map.of("arch", "x86_64"));
        RunningJob job = runtime(config(limited)).submit(request);

        JobOutcome outcome = job.await();
        assertThat(outcome.succeeded()).as(Files.readString(outcome.logFile())).isTrue();
        assertThat(Files.readString(outcome.logFile()))
                .contains("node " + request.nodeId() + " token api-t0ken param x86_64")
                // stderr and stdout are two streams, merged in the log in no fixed order: whole lines only.
                .contains("to stderr\n").contains("65534\n").contains("/maestro/work\n").contains("writable\n").contains("hello");
        InspectContainerResponse container = inspect(job.jobId());
        assertThat(container.getConfig().getLabels()).containsEntry("dev.maestro.node-id", request.nodeId())
                .containsEntry("dev.maestro.runtime", RUNTIME)
                .containsEntry("dev.maestro.artifact-directory", "probe-" + request.nodeId());
        assertThat(container.getConfig().getImage()).isEqualTo(image);
        assertThat(container.getHostConfig().getNetworkMode()).isEqualTo("host");
        assertThat(container.getHostConfig().getMemory()).isEqualTo(256L * 1024 * 1024);
        assertThat(container.getHostConfig().getNanoCPUs()).isEqualTo(500_000_000L);

        job.discard();
        assertThat(exists(job.jobId())).as("the container is removed once discarded").isFalse();
        assertThat(outcome.logFile()).doesNotExist();
    }

    @Test
    void aNonZeroExitIsAFailureWithTheLogKept() throws Exception {
        RunningJob job = runtime().submit(request("echo broken >&2\nexit 3\n"));
        JobOutcome outcome = job.await();
        assertThat(outcome.exitCode()).isEqualTo(3);
        assertThat(outcome.failure()).map(JobFailure::errorCode).contains(JobFailure.INFRASTRUCTURE);
        assertThat(Files.readString(outcome.logFile())).contains("broken");
        job.discard();
    }

    @Test
    void aHungJobIsKilledAtItsLimit() throws Exception {
        // job_timeout is in minutes: 0.05 is 3 s.
        RunningJob job = runtime().submit(request("echo started\nsleep 600\n", image, Map.of("job_timeout", 0.05)));
        JobOutcome outcome = job.await();
        assertThat(outcome.timedOut()).isTrue();
        assertThat(outcome.elapsed()).isBetween(Duration.ofSeconds(3), Duration.ofSeconds(60));
        assertThat(outcome.failure()).map(JobFailure::errorCode).contains(JobFailure.NODE_TIMEOUT);
        assertThat(Files.readString(outcome.logFile())).contains("started");
        assertThat(inspect(job.jobId()).getState().getRunning()).isFalse();
        job.discard();
    }

    @Test
    void cancellingKillsTheContainer() throws Exception {
        RunningJob job = runtime().submit(request("sleep 600\n"));
        assertThat(job.poll()).isEmpty();
        job.cancel();
        assertThat(job.poll()).isPresent();
        assertThat(inspect(job.jobId()).getState().getRunning()).isFalse();
        job.discard();
    }

    @Test
    void aContainerRemovedFromOutsideEndsTheJobWithoutALog() throws Exception {
        RunningJob job = runtime().submit(request("sleep 600\n"));
        DockerDaemon.docker("rm", "-f", job.jobId());
        JobOutcome outcome = job.await();
        assertThat(outcome.exitCode()).isEqualTo(DockerJob.NO_EXIT_STATUS);
        assertThat(outcome.failure()).isPresent();
        assertThat(outcome.logFile()).as("no output was left to read").doesNotExist();
        job.discard();
    }

    @Test
    void aRestartedPipelineAdoptsTheContainersItsRuntimeLeftRunning() throws Exception {
        JobRequest finishing = request("echo adopted job running\nsleep 4\necho adopted job done\n");
        RunningJob first = runtime().submit(finishing);
        JobRequest hung = request("sleep 600\n", image, Map.of("job_timeout", 0.1));
        RunningJob second = runtime().submit(hung);
        // The pipeline stops: its jobs go on without it.
        assertThat(first.detach()).isTrue();
        assertThat(second.detach()).isTrue();
        assertThat(inspect(first.jobId()).getState().getRunning()).isTrue();

        List<AdoptedJob> adopted = JobRuntimes.adopt(config(DockerRuntimeConfig.defaults()), tmp.resolve("work"), "pipeline-1");
        assertThat(adopted).extracting(AdoptedJob::nodeId).containsExactlyInAnyOrder(finishing.nodeId(), hung.nodeId());
        AdoptedJob again = adopted.stream().filter(a -> a.nodeId().equals(finishing.nodeId())).findFirst().orElseThrow();
        assertThat(again.artifactDirectory()).isEqualTo(finishing.artifactDirectory());
        assertThat(again.job().jobId()).isEqualTo(first.jobId());
        JobOutcome outcome = again.job().await();
        assertThat(outcome.succeeded()).isTrue();
        assertThat(Files.readString(outcome.logFile())).contains("adopted job running").contains("adopted job done");

        AdoptedJob overdue = adopted.stream().filter(a -> a.nodeId().equals(hung.nodeId())).findFirst().orElseThrow();
        assertThat(overdue.job().await().timedOut()).as("the limit survives the restart").isTrue();
        again.job().discard();
        overdue.job().discard();
        assertThat(JobRuntimes.adopt(config(DockerRuntimeConfig.defaults()), tmp.resolve("work"), "pipeline-1")).isEmpty();
    }

    @Test
    void anUnreachableDaemonFailsTheJobWithASubmitError() throws Exception {
        DockerRuntimeConfig missing = new DockerRuntimeConfig(URI.create("unix://" + tmp.resolve("no-docker.sock")), "host",
                "", List.of(), Optional.empty(), Optional.empty());
        JobRuntime runtime = runtime(config(missing));
        JobRequest request = request("echo never\n");
        assertThatExceptionOfType(JobRuntimeException.class).isThrownBy(() -> runtime.submit(request))
                .satisfies(e -> assertThat(e.failure().errorCode()).isEqualTo(JobFailure.SUBMIT_ERROR))
                .withMessageContaining("The Docker Engine at unix://" + tmp.resolve("no-docker.sock") + " cannot be reached");
        assertThatExceptionOfType(JobRuntimeException.class)
                .isThrownBy(() -> JobRuntimes.adopt(config(missing), tmp.resolve("work"), "pipeline-1"))
                .withMessageContaining("cannot be reached");
    }

    @Test
    void aMissingImageOrNoImageFailsTheJobBeforeAnyContainerExists() throws Exception {
        assertThatExceptionOfType(JobRuntimeException.class)
                .isThrownBy(() -> runtime().submit(request("echo never\n", "maestro-no-such-image:1", Map.of())))
                .satisfies(e -> assertThat(e.failure().errorCode()).isEqualTo(JobFailure.SUBMIT_ERROR))
                .withMessageContaining("Image maestro-no-such-image:1 is not on the Docker host");
        assertThatExceptionOfType(JobRuntimeException.class)
                .isThrownBy(() -> runtime().submit(request("echo never\n", "", Map.of())))
                .satisfies(e -> assertThat(e.failure().errorCode()).isEqualTo(JobFailure.INVALID_JOB_PARAMS))
                .withMessageContaining("has no image");
        assertThat(JobRuntimes.adopt(config(DockerRuntimeConfig.defaults()), tmp.resolve("work"), "pipeline-1")).isEmpty();
    }
}
