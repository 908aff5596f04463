package dev.maestro.pipeline.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    static final String VALID = """
            storage:
              local:
                storage_type: filesystem
                path: storage
                base_url: http://127.0.0.1:8001/pipeline/storage
                api_url: http://127.0.0.1:8001/pipeline/storage/
            trees:
              toy:
                url: toy.git
              remote:
                url: https://git.example.org/linux.git
            build_configs:
              toy_main:
                tree: toy
                branch: main
                poll_period: 30s
                architectures: [x86_64]
            jobs:
              kver:
                kind: test
                template: kver.sh
                kcidb_test_suite: kernelci_kver
              # a defconfig list is one configuration (base and fragment, joined with +)
              kbuild-tiny:
                kind: kbuild
                template: kbuild-tiny.sh
                params: {arch: x86_64, defconfig: [tinyconfig, kvm_guest], job_timeout: 5}
            platforms:
              shell: {}
              qemu: {arch: x86_64, boot_method: qemu, mach: qemu, params: {console: ttyS0}}
            runtimes:
              shell:
                lab_type: shell
                timeout: 10m
            scheduler:
              - job: kver
                event: {channel: node, kind: checkout, state: available}
                runtime: {type: shell}
              - job: kbuild-tiny
                event: {channel: node, kind: checkout, state: available}
                runtime: {name: shell}
                platforms: [shell, qemu]
            """;

    private final Path dir;
    private final ConfigFiles files;

    ConfigLoaderTest(@TempDir Path dir) {
        this.dir = dir;
        this.files = new ConfigFiles(dir);
    }

    /** {@code file:line:column: } of the first line of {@code yaml} containing {@code text}, at {@code text}. */
    private String at(String yaml, String text) {
        return at(yaml, text, text);
    }

    /** {@code file:line:column: } of {@code token} on the first line of {@code yaml} containing {@code line}. */
    private String at(String yaml, String line, String token) {
        List<String> lines = yaml.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(line)) {
                return dir.resolve("pipeline.yaml") + ":" + (i + 1) + ":" + (lines.get(i).indexOf(token, lines.get(i).indexOf(line)) + 1) + ": ";
            }
        }
        throw new AssertionError(line + " is not in the YAML");
    }

    @Test
    void readsEverySectionIntoTheModel() throws IOException {
        PipelineConfig config = files.load(VALID);
        assertThat(config.source()).isEqualTo(dir.resolve("pipeline.yaml"));
        assertThat(config.storage()).isEqualTo(new StorageConfig("local", StorageType.FILESYSTEM, dir.resolve("storage"),
                URI.create("http://127.0.0.1:8001/pipeline/storage/"), URI.create("http://127.0.0.1:8001/pipeline/storage")));
        assertThat(config.trees().get("toy").url()).isEqualTo("file://" + dir.resolve("toy.git"));
        assertThat(config.trees().get("remote").url()).isEqualTo("https://git.example.org/linux.git");
        assertThat(config.buildConfigs().get("toy_main"))
                .isEqualTo(new BuildConfig("toy_main", "toy", "main", Duration.ofSeconds(30), List.of("x86_64"),
                        Duration.ofMinutes(10), Duration.ofMinutes(180)));
        JobConfig kbuild = config.jobs().get("kbuild-tiny");
        assertThat(kbuild.kind()).isEqualTo(JobKind.KBUILD);
        assertThat(kbuild.params()).containsEntry("defconfig", List.of("tinyconfig", "kvm_guest")).containsEntry("job_timeout", 5);
        assertThat(config.jobs().get("kver").kcidbTestSuite()).isEqualTo("kernelci_kver");
        assertThat(config.platforms().get("qemu").params()).isEqualTo(Map.of("console", "ttyS0"));
        assertThat(config.runtimes().get("shell")).isEqualTo(new RuntimeConfig("shell", LabType.SHELL, Duration.ofMinutes(10)));
        assertThat(config.scheduler()).hasSize(2);
        SchedulerEntry kver = config.scheduler().get(0);
        assertThat(kver.event()).isEqualTo(new EventCondition("node", Map.of("kind", "checkout", "state", "available")));
        assertThat(kver.runtime()).isEqualTo(new RuntimeSelector(Optional.empty(), Optional.of(LabType.SHELL)));
        RuntimeConfig shell = config.runtimeFor(kver.runtime()).orElseThrow();
        assertThat(config.platformsFor(kver, shell)).extracting(PlatformConfig::name).containsExactly("shell");
        assertThat(config.platformsFor(config.scheduler().get(1), shell)).extracting(PlatformConfig::name)
                .containsExactly("shell", "qemu");
        assertThat(config.buildConfigFor("toy", "main")).isPresent();
        assertThat(config.buildConfigFor("toy", "next")).isEmpty();
    }

    @Test
    void anUnknownKeyIsNamedWithFileLineAndKeyPath() throws IOException {
        String yaml = VALID.replace("    template: kver.sh", "    templat: kver.sh");
        assertThat(files.failure(yaml))
                .contains(at(yaml, "templat:") + "jobs.kver.templat: unknown key 'templat' (expected one of: kind, template, params, kcidb_test_suite, image)")
                .contains(at(yaml, "kind: test") + "jobs.kver: missing required key 'template'");
    }

    @Test
    void aSchedulerEntryWithoutRuntimeIsRefused() throws IOException {
        String yaml = VALID.replace("    runtime: {type: shell}\n", "");
        assertThat(files.failure(yaml)).contains(at(yaml, "job: kver") + "scheduler[0]: missing required key 'runtime'");
    }

    @Test
    void aSchedulerEntryNamingAnUnknownRuntimeJobOrPlatformIsRefused() throws IOException {
        String yaml = VALID.replace("runtime: {name: shell}", "runtime: {name: dockr}")
                .replace("- job: kver", "- job: kverr")
                .replace("platforms: [shell, qemu]", "platforms: [shell, qemu-arm]");
        assertThat(files.failure(yaml))
                .contains(at(yaml, "dockr") + "scheduler[1].runtime.name: unknown runtime 'dockr' (defined: shell)")
                .contains(at(yaml, "kverr") + "scheduler[0].job: unknown job 'kverr' (defined: kver, kbuild-tiny)")
                .contains(at(yaml, "qemu-arm") + "scheduler[1].platforms[1]: unknown platform 'qemu-arm' (defined: shell, qemu)");
    }

    @Test
    void wrongTypesAreNamed() throws IOException {
        String yaml = VALID.replace("poll_period: 30s", "poll_period: soon")
                .replace("platforms: [shell, qemu]", "platforms: shell")
                .replace("params: {arch: x86_64, defconfig: [tinyconfig, kvm_guest], job_timeout: 5}", "params: [arch]")
                .replace("url: toy.git", "url: {path: toy.git}");
        assertThat(files.failure(yaml))
                .contains(at(yaml, "soon") + "build_configs.toy_main.poll_period: expected a duration such as 90, 30s, 5m, 2h or 1d12h, found 'soon'")
                .contains(at(yaml, "platforms: shell", "shell") + "scheduler[1].platforms: expected a list, found 'shell'")
                .contains(at(yaml, "[arch]") + "jobs.kbuild-tiny.params: expected a mapping (key: value lines), found a list")
                .contains("trees.toy.url: expected a string, found a mapping");
    }

    @Test
    void checkoutHoldoffAndTimeoutCanBeSetPerBuildConfig() throws IOException {
        PipelineConfig config = files.load(VALID.replace("poll_period: 30s", "poll_period: 30s\n    holdoff: 5s\n    timeout: 1h30m"));
        assertThat(config.buildConfigs().get("toy_main").holdoff()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.buildConfigs().get("toy_main").timeout()).isEqualTo(Duration.ofMinutes(90));
    }

    @Test
    void badValuesAreNamed() throws IOException {
        String yaml = VALID.replace("kind: test", "kind: tests")
                .replace("lab_type: shell", "lab_type: pull_labs")
                .replace("{channel: node, kind: checkout, state: available}\n    runtime: {type: shell}",
                        "{channel: node, kind: checkout, state: avaliable}\n    runtime: {type: shell}")
                .replace("job_timeout: 5", "job_timeout: -5")
                .replace("branch: main", "branch: -main");
        assertThat(files.failure(yaml))
                .contains("jobs.kver.kind: unknown kind 'tests' (expected one of: kbuild, job, test, process)")
                .contains("runtimes.shell.lab_type: lab_type 'pull_labs' is not supported yet (supported: shell, docker, kubernetes, lava)")
                .contains("scheduler[0].event.state: 'avaliable' is not a node state (expected one of: available, closing, done, running)")
                .contains("jobs.kbuild-tiny.params.job_timeout: job_timeout is a number of minutes greater than zero")
                .contains("build_configs.toy_main.branch: the branch name is not a valid git branch name");
    }

    @Test
    void unknownChoicesListTheKnownOnes() throws IOException {
        assertThat(files.failure(VALID.replace("lab_type: shell", "lab_type: qemu")))
                .contains("runtimes.shell.lab_type: unknown lab_type 'qemu' (expected one of: shell, docker, kubernetes, lava, pull_labs)");
        assertThat(files.failure(VALID.replace("storage_type: filesystem", "storage_type: s3")))
                .contains("storage.local.storage_type: unknown storage_type 's3' (expected one of: filesystem, ssh, azure, backend)");
    }

    @Test
    void theFileIsNamedByMaestroPipelineConfig() {
        assertThat(ConfigLoader.configuredPath(Map.of("MAESTRO_PIPELINE_CONFIG", "/etc/maestro/pipeline.yaml")))
                .isEqualTo(Path.of("/etc/maestro/pipeline.yaml"));
        assertThatThrownBy(() -> ConfigLoader.configuredPath(Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("MAESTRO_PIPELINE_CONFIG is not set: point it at the pipeline's YAML configuration");
    }

    @Test
    void everyProblemIsReportedAtOnceInFileOrder() throws IOException {
        String yaml = VALID.replace("poll_period: 30s", "poll_period: 0").replace("mach: qemu", "mach: qemu, colour: red")
                .replace("runtime: {name: shell}", "runtime: {name: shell, type: shell}");
        ConfigException e = assertThrows(ConfigException.class,
                () -> new ConfigLoader(Map.of()).load(files.write(yaml)));
        assertThat(e.problems()).extracting(ConfigProblem::key)
                .containsExactly("build_configs.toy_main.poll_period", "platforms.qemu.colour", "scheduler[1].runtime");
        assertThat(e.getMessage()).startsWith("Invalid pipeline configuration " + dir.resolve("pipeline.yaml") + " (3 problems):\n");
    }

    @Test
    void unknownSectionsAreRefusedButUnderscoreKeysHoldAnchorsAndMergeKeysWork() throws IOException {
        String anchors = """
                _anchors:
                  shell_job: &shell_job
                    kind: test
                    template: kver.sh
                """;
        PipelineConfig config = files.load(anchors + VALID.replace("""
                  kver:
                    kind: test
                    template: kver.sh
                """, """
                  kver:
                    <<: *shell_job
                    kind: job
                """));
        assertThat(config.jobs().get("kver").kind()).isEqualTo(JobKind.JOB);
        assertThat(config.jobs().get("kver").template()).isEqualTo("kver.sh");
        String yaml = VALID + "fragments:\n  kselftest: {path: x}\n";
        assertThat(files.failure(yaml)).contains(at(yaml, "fragments:") + "fragments: unknown section 'fragments'");
    }

    @Test
    void environmentVariablesAreSubstituted() throws IOException {
        String yaml = VALID.replace("base_url: http://127.0.0.1:8001/pipeline/storage", "base_url: ${PUBLIC_BASE_URL:-http://localhost:8001}/pipeline/storage")
                .replace("path: storage", "path: ${MAESTRO_DATA_DIR}/storage");
        PipelineConfig config = new ConfigLoader(Map.of("MAESTRO_DATA_DIR", "/srv/maestro")).load(files.write(yaml));
        assertThat(config.storage().path()).isEqualTo(Path.of("/srv/maestro/storage"));
        assertThat(config.storage().baseUrl()).isEqualTo(URI.create("http://localhost:8001/pipeline/storage/"));
        assertThat(files.failure(yaml)).contains(at(yaml, "${MAESTRO_DATA_DIR}")
                + "storage.local.path: environment variable MAESTRO_DATA_DIR is not set (write ${MAESTRO_DATA_DIR:-default} to give a default)");
    }

    @Test
    void yamlSyntaxErrorsGiveTheirLine() throws IOException {
        String yaml = VALID.replace("    lab_type: shell", "    lab_type: shell\n   timeout: [10m");
        assertThat(files.failure(yaml)).contains(at(yaml, "timeout: [10m") + "not valid YAML: ");
    }

    @Test
    void duplicateKeysAreRefused() throws IOException {
        String yaml = VALID.replace("    timeout: 10m", "    timeout: 10m\n    timeout: 20m");
        assertThat(files.failure(yaml)).contains(at(yaml, "timeout: 20m") + "runtimes.shell.timeout: duplicate key");
    }

    @Test
    void storageIsRequiredAndThereIsExactlyOne() throws IOException {
        String withoutStorage = VALID.substring(VALID.indexOf("trees:"));
        assertThat(files.failure(withoutStorage)).contains(": missing required section 'storage'");
        String two = VALID.replace("storage:\n", "storage:\n  other:\n    storage_type: filesystem\n    path: other\n"
                + "    base_url: http://h/\n    api_url: http://h/\n");
        assertThat(files.failure(two)).contains("storage: define exactly one storage (found 2)");
        assertThat(files.failure(VALID.replace("storage_type: filesystem", "storage_type: azure")))
                .contains("storage.local.storage_type: storage_type 'azure' is not supported yet (supported: filesystem)");
        assertThat(files.failure(VALID.replace("api_url: http://127.0.0.1:8001/pipeline/storage/", "api_url: ftp://host/")))
                .contains("storage.local.api_url: expected an http:// or https:// URL, found 'ftp://host/'");
    }

    @Test
    void templatesMustExistBesideTheFileOrAmongTheBuiltInOnes() throws IOException {
        String yaml = VALID.replace("template: kver.sh", "template: custom.sh");
        assertThat(files.failure(yaml)).contains("jobs.kver.template: no template 'custom.sh' in " + dir.resolve("templates")
                + " nor among the built-in ones (kbuild-tiny.sh, kver.sh, lava-qemu-boot.yaml, tiny-tests.sh)");
        Files.createDirectories(dir.resolve("templates"));
        Files.writeString(dir.resolve("templates/custom.sh"), "echo custom\n");
        assertThat(files.load(yaml).jobs().get("kver").template()).isEqualTo("custom.sh");
    }

    @Test
    void aPlatformNamedAfterTheLabTypeIsNeededWhenAnEntryListsNone() throws IOException {
        String yaml = VALID.replace("  shell: {}\n", "");
        assertThat(files.failure(yaml)).contains("scheduler[0]: no 'platforms' listed and no platform named 'shell'")
                .contains("scheduler[1].platforms[0]: unknown platform 'shell'");
    }

    @Test
    void emptyMissingAndNonMappingFilesAreReported() throws IOException {
        assertThat(files.failure("")).isEqualTo("Invalid pipeline configuration " + dir.resolve("pipeline.yaml")
                + " (1 problem):\n" + dir.resolve("pipeline.yaml") + ": the file is empty");
        assertThat(files.failure("- just\n- a list\n")).contains(":1:1: expected a mapping (key: value lines), found a list");
        Path missing = dir.resolve("missing.yaml");
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(missing))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(missing + ": cannot read the file: java.nio.file.NoSuchFileException");
    }
}
