package dev.maestro.pipeline.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.maestro.pipeline.config.JobConfig;
import dev.maestro.pipeline.config.JobKind;
import dev.maestro.pipeline.config.LabType;
import dev.maestro.pipeline.config.PlatformConfig;
import dev.maestro.pipeline.config.RuntimeConfig;
import dev.maestro.pipeline.jobs.JobTemplates;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShellRuntimeTest {
    private static final RuntimeConfig SHELL = new RuntimeConfig("shell", LabType.SHELL, Duration.ofMinutes(5));
    private static final PlatformConfig PLATFORM = new PlatformConfig("shell", "", "", "", "", List.of(), Map.of("console", "none"));
    private static final JobEnvironment ENVIRONMENT = new JobEnvironment(URI.create("http://127.0.0.1:8001/"), "api-t0ken",
            URI.create("http://127.0.0.1:8001/pipeline/storage"), URI.create("http://127.0.0.1:8001/pipeline/storage/"), "storage-t0ken");

    @TempDir
    Path tmp;

    private ShellRuntime runtime() {
        return new ShellRuntime(SHELL, JobTemplates.besideConfig(tmp.resolve("pipeline.yaml")), tmp.resolve("work"), ENVIRONMENT);
    }

    /** A request for template {@code name} (written with {@code body}) as a job of {@code kind} with {@code params}. */
    private JobRequest request(String body, JobKind kind, Map<String, Object> params) throws IOException {
        Files.createDirectories(tmp.resolve("templates"));
        Files.writeString(tmp.resolve("templates/test.sh"), body);
        Map<String, Object> node = Map.of("id", "65a1f0c2e4b0a1b2c3d4e5f6", "path", List.of("checkout", "probe"),
                "data", Map.of("kernel_revision", Map.of("tree", "toy", "version", Map.of("version", 6, "patchlevel", 1))));
        return new JobRequest(node, new JobConfig("probe", kind, "test.sh", params, ""), PLATFORM,
                Map.of("tarball", "http://127.0.0.1:8001/pipeline/storage/linux-toy-main-abc.tar.gz"));
    }

    private JobRequest request(String body) throws IOException {
        return request(body, JobKind.TEST, Map.of());
    }

    @Test
    void valuesLandInTheScriptAsSingleWordsWhateverTheyContain() throws Exception {
        String evil = "it's $(touch pwned) `touch pwned2` \"q\" ; rm -rf nothing\nsecond line {{node_id}}";
        ShellJob job = runtime().submit(request("printf '%s' {{evil}} > out.txt\nprintf '%s' {{krev}} > krev.txt\n",
                JobKind.TEST, Map.of("evil", evil)));
        assertThat(job.await().succeeded()).isTrue();
        assertThat(Files.readString(job.directory().resolve("out.txt"))).isEqualTo(evil);
        assertThat(Files.readString(job.directory().resolve("krev.txt"))).isEqualTo("6.1");
        assertThat(job.directory().resolve("pwned")).doesNotExist();
        assertThat(job.directory().resolve("pwned2")).doesNotExist();
    }

    @Test
    void theJobSeesItsOwnEnvironmentAndNothingElseOfTheServers() throws Exception {
        ShellJob job = runtime().submit(request("env > env.txt\n", JobKind.TEST, Map.of("arch", "x86_64", "defconfig", List.of("a", "b"))));
        assertThat(job.await().succeeded()).isTrue();
        Map<String, String> env = Files.readAllLines(job.directory().resolve("env.txt")).stream()
                .filter(l -> l.contains("=")).collect(Collectors.toMap(l -> l.substring(0, l.indexOf('=')),
                        l -> l.substring(l.indexOf('=') + 1), (a, b) -> a));
        assertThat(env).containsEntry("MAESTRO_API", "http://127.0.0.1:8001")
                .containsEntry("MAESTRO_TOKEN", "api-t0ken")
                .containsEntry("NODE_ID", "65a1f0c2e4b0a1b2c3d4e5f6")
                .containsEntry("TARBALL_URL", "http://127.0.0.1:8001/pipeline/storage/linux-toy-main-abc.tar.gz")
                .containsEntry("MAESTRO_STORAGE_URL", "http://127.0.0.1:8001/pipeline/storage")
                .containsEntry("MAESTRO_STORAGE_TOKEN", "storage-t0ken")
                .containsEntry("ARTIFACT_DIR", "probe-65a1f0c2e4b0a1b2c3d4e5f6")
                .containsEntry("ARTIFACT_URL", "http://127.0.0.1:8001/pipeline/storage/probe-65a1f0c2e4b0a1b2c3d4e5f6/")
                .containsEntry("PARAM_ARCH", "x86_64")
                .containsEntry("PARAM_DEFCONFIG", "[\"a\",\"b\"]");
        Set<String> foreign = new HashSet<>(env.keySet());
        foreign.removeAll(Set.of("MAESTRO_API", "MAESTRO_TOKEN", "NODE_ID", "TARBALL_URL", "MAESTRO_STORAGE_URL",
                "MAESTRO_STORAGE_TOKEN", "ARTIFACT_DIR", "ARTIFACT_URL", "PARAM_ARCH", "PARAM_DEFCONFIG",
                "PATH", "HOME", "LANG", "LC_ALL", "LC_CTYPE", "TZ", "TMPDIR", "USER", "LOGNAME", "PWD",
                "http_proxy", "https_proxy", "no_proxy", "HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY"));
        assertThat(foreign).as("variables the server's environment leaked into the job").isEmpty();
        assertThat(Files.readString(job.directory().resolve("job.sh"))).as("tokens stay out of the script file")
                .doesNotContain("t0ken");
    }

    @Test
    void theScriptStartsWithThePreludeAndSaysWhatItIs() throws IOException {
        String script = runtime().generate(request("echo {{job_name}} {{path_json}}\n"));
        assertThat(script).startsWith("#!/bin/sh\n# Job 'probe' for node 65a1f0c2e4b0a1b2c3d4e5f6, generated by Maestro EE from test.sh");
        assertThat(script).contains("maestro_update()").contains("MAESTRO_NODE_PATH='[\"checkout\",\"probe\"]'")
                .endsWith("echo 'probe' '[\"checkout\",\"probe\"]'\n");
    }

    @Test
    void aCleanExitSucceedsAndTheLogHoldsBothOutputStreams() throws Exception {
        ShellJob job = runtime().submit(request("echo to stdout\necho to stderr >&2\n"));
        JobOutcome outcome = job.await();
        assertThat(outcome.succeeded()).isTrue();
        assertThat(outcome.failure()).isEmpty();
        assertThat(outcome.logFile()).isEqualTo(job.logFile());
        assertThat(Files.readString(outcome.logFile())).contains("to stdout").contains("to stderr");
        assertThat(job.poll()).contains(outcome);
        assertThat(job.jobId()).matches("\\d+");
    }

    @Test
    void aNonZeroExitIsAFailureWhoseCodeDependsOnTheKind() throws Exception {
        JobOutcome test = runtime().submit(request("echo broken >&2\nexit 3\n")).await();
        assertThat(test.exitCode()).isEqualTo(3);
        assertThat(test.timedOut()).isFalse();
        assertThat(test.failure()).contains(new JobFailure("Infrastructure",
                "The job script exited with status 3 before reporting a result; see its log"));
        assertThat(Files.readString(test.logFile())).contains("broken");
        JobOutcome kbuild = runtime().submit(request("false\n", JobKind.KBUILD, Map.of())).await();
        assertThat(kbuild.failure()).get().extracting(JobFailure::errorCode).isEqualTo("kbuild_internal_error");
    }

    @Test
    void aJobOverItsLimitIsKilledWithEverythingItStarted() throws Exception {
        String script = """
                sleep 300 &
                echo $! > background.pid
                sh -c 'echo $$ > nested.pid; exec sleep 300' &
                sh -c 'sleep 300 & echo $! > orphan.pid'
                while [ ! -s nested.pid ]; do :; done
                echo started
                wait
                """;
        Instant start = Instant.now();
        ShellJob job = runtime().submit(request(script, JobKind.TEST, Map.of("job_timeout", 0.05)));
        JobOutcome outcome = job.await();
        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(60));
        assertThat(outcome.timedOut()).isTrue();
        assertThat(outcome.limit()).isEqualTo(Duration.ofSeconds(3));
        assertThat(outcome.failure()).contains(new JobFailure("node_timeout",
                "The job exceeded its time limit of 3 s and was killed"));
        assertThat(Files.readString(outcome.logFile())).contains("started");
        // The orphan's parent has exited: only killing the process group reaches it.
        for (String pidFile : List.of("background.pid", "nested.pid", "orphan.pid")) {
            long pid = Long.parseLong(Files.readString(job.directory().resolve(pidFile)).strip());
            Optional<ProcessHandle> process = ProcessHandle.of(pid);
            if (process.isPresent()) {
                process.get().onExit().get(30, TimeUnit.SECONDS);
            }
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).as(pidFile).isNotEqualTo(Optional.of(true));
        }
    }

    @Test
    void pollSaysNothingWhileTheJobRunsThenGivesItsOutcome() throws Exception {
        ShellJob job = runtime().submit(request("while [ ! -e go ]; do sleep 0.05; done\necho went\n"));
        assertThat(job.poll()).isEmpty();
        Files.createFile(job.directory().resolve("go"));
        JobOutcome outcome = job.await();
        assertThat(outcome.succeeded()).isTrue();
        assertThat(job.poll()).contains(outcome);
    }

    @Test
    void pollEnforcesTheTimeLimit() throws Exception {
        ShellJob job = runtime().submit(request("sleep 300\n", JobKind.TEST, Map.of("job_timeout", 0.005)));
        Instant giveUp = Instant.now().plusSeconds(60);
        Optional<JobOutcome> outcome = job.poll();
        while (outcome.isEmpty() && Instant.now().isBefore(giveUp)) {
            Thread.onSpinWait();
            outcome = job.poll();
        }
        assertThat(outcome).get().extracting(JobOutcome::timedOut).isEqualTo(true);
    }

    @Test
    void aPlaceholderWithoutValueFailsGenerationWithItsLine() {
        assertThatExceptionOfType(JobRuntimeException.class)
                .isThrownBy(() -> runtime().submit(request("echo fine\necho {{ nope }}\n")))
                .withMessageStartingWith("Template test.sh, line 2: {{nope}} has no value (known: ")
                .satisfies(e -> assertThat(e.failure().errorCode()).isEqualTo("job_generation_error"));
        assertThat(tmp.resolve("work")).doesNotExist();
    }

    @Test
    void discardRemovesTheJobDirectoryOnceTheJobIsOver() throws Exception {
        ShellJob job = runtime().submit(request("while [ ! -e go ]; do sleep 0.05; done\n"));
        assertThatThrownBy(job::discard).isInstanceOf(IllegalStateException.class);
        Files.createFile(job.directory().resolve("go"));
        job.await();
        job.discard();
        assertThat(job.directory()).doesNotExist();
    }

    @Test
    void theJobTimeoutParamOverridesTheRuntimeLimit() throws IOException {
        assertThat(request("", JobKind.TEST, Map.of("job_timeout", 2)).timeLimit(SHELL)).isEqualTo(Duration.ofMinutes(2));
        assertThat(request("").timeLimit(SHELL)).isEqualTo(Duration.ofMinutes(5));
        assertThat(request("").artifactDirectory()).isEqualTo("probe-65a1f0c2e4b0a1b2c3d4e5f6");
        assertThatThrownBy(() -> new JobRequest(Map.of("name", "x"), request("").job(), PLATFORM, Map.of()))
                .hasMessageContaining("needs its id");
    }

    @Test
    void runtimesAreMadeByLabType() {
        JobRuntime runtime = JobRuntimes.create(SHELL, JobTemplates.builtIn(), tmp, ENVIRONMENT, "pipeline-1");
        assertThat(runtime).isInstanceOf(ShellRuntime.class);
        assertThat(runtime.config()).isEqualTo(SHELL);
        assertThatThrownBy(() -> JobRuntimes.create(new RuntimeConfig("pull", LabType.PULL_LABS, Duration.ofHours(1)),
                JobTemplates.builtIn(), tmp, ENVIRONMENT, "pipeline-1")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(ENVIRONMENT.toString()).doesNotContain("t0ken");
    }
}
