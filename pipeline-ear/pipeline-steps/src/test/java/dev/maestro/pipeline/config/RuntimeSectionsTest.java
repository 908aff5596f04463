package dev.maestro.pipeline.config;

import static dev.maestro.pipeline.config.ConfigLoaderTest.VALID;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The keys of the runtimes other than the shell (LAVA, Docker, Kubernetes), as the loader reads and checks them. */
class RuntimeSectionsTest {
    private final Path dir;
    private final ConfigFiles files;

    RuntimeSectionsTest(@TempDir Path dir) {
        this.dir = dir;
        this.files = new ConfigFiles(dir);
    }

    private static final String LAVA_RUNTIME = """
              lab-one:
                lab_type: lava
                url: https://lava.example.org/
                token: ${LAB_ONE_TOKEN}
                callback_token: ${LAB_ONE_CALLBACK_TOKEN}
                notify: {callback: {token: maestro-callback}}
                priority_min: 10
                priority_max: 40
                queue_timeout: 1d
            """;

    private static String withLava(String runtime) {
        return VALID.replace("\nscheduler:\n", "\n" + runtime + "scheduler:\n");
    }

    @Test
    void aLavaRuntimeTakesItsUrlItsTokensFromTheEnvironmentAndItsPriorities() throws IOException {
        PipelineConfig config = new ConfigLoader(Map.of("LAB_ONE_TOKEN", "rest-t0ken", "LAB_ONE_CALLBACK_TOKEN", "cb-s3cret"))
                .load(files.write(withLava(LAVA_RUNTIME)));
        RuntimeConfig lab = config.runtimes().get("lab-one");
        assertThat(lab.labType()).isEqualTo(LabType.LAVA);
        assertThat(lab.lava()).contains(new LavaConfig(URI.create("https://lava.example.org"), "rest-t0ken", "maestro-callback",
                "cb-s3cret", Optional.empty(), Optional.empty(), Optional.of(new LavaConfig.PriorityRange(10, 40)),
                Optional.of(Duration.ofDays(1))));
        assertThat(lab.lava().orElseThrow().toString()).doesNotContain("rest-t0ken").doesNotContain("cb-s3cret");
        assertThat(config.runtimes().get("shell").lava()).isEmpty();
    }

    @Test
    void aLavaRuntimeNeedsItsKeysAndOtherRuntimesRefuseThem() throws IOException {
        String missing = withLava("""
                  lab-one:
                    lab_type: lava
                    url: ftp://lava.example.org
                    priority: 120
                """);
        assertThat(files.failure(missing, Map.of()))
                .contains("runtimes.lab-one: missing required key 'token'")
                .contains("runtimes.lab-one: missing required key 'callback_token'")
                .contains("runtimes.lab-one: missing required key 'notify'")
                .contains("runtimes.lab-one.url: expected an http:// or https:// URL, found 'ftp://lava.example.org'")
                .contains("runtimes.lab-one.priority: expected a whole number from 0 to 100");
        String onShell = VALID.replace("lab_type: shell\n", "lab_type: shell\n    url: https://lava.example.org\n");
        assertThat(files.failure(onShell)).contains("runtimes.shell.url: 'url' is a key of lab_type lava, not of shell");
    }

    @Test
    void aDockerRuntimeTakesItsKeysAndAJobItsImage() throws IOException {
        PipelineConfig config = files.load(VALID.replace("lab_type: shell", """
                lab_type: shell
                  docker:
                    lab_type: docker
                    host: tcp://docker.example.org:2375
                    network: bridge
                    user: "1000:1000"
                    volumes: ['/srv/cache:/cache:ro']
                    memory_mb: 512
                    cpus: 1.5""").replace("kind: test", "kind: test\n    image: kernelci/maestro-job:1"));
        assertThat(config.runtimes().get("docker").docker()).contains(new DockerRuntimeConfig(
                URI.create("tcp://docker.example.org:2375"), "bridge", "1000:1000", List.of("/srv/cache:/cache:ro"),
                Optional.of(512L), Optional.of(1.5)));
        assertThat(config.runtimes().get("shell").docker()).isEmpty();
        assertThat(config.jobs().get("kver").image()).isEqualTo("kernelci/maestro-job:1");
        assertThat(config.jobs().get("kbuild-tiny").image()).isEmpty();

        PipelineConfig defaults = files.load(VALID.replace("lab_type: shell", "lab_type: shell\n  docker:\n    lab_type: docker"));
        assertThat(defaults.runtimes().get("docker").docker()).contains(DockerRuntimeConfig.defaults());
    }

    @Test
    void dockerKeysAreCheckedAndBelongToDockerRuntimesOnly() throws IOException {
        assertThat(files.failure(VALID.replace("lab_type: shell", "lab_type: shell\n    network: host")))
                .contains("runtimes.shell.network: 'network' is a key of lab_type docker runtimes only");
        assertThat(files.failure(VALID.replace("lab_type: shell", """
                lab_type: docker
                    host: /var/run/docker.sock
                    volumes: [/srv/cache]
                    memory_mb: lots""")))
                .contains("runtimes.shell.host: expected the Docker Engine's address, unix:///path/to/docker.sock or tcp://host:port, found '/var/run/docker.sock'")
                .contains("runtimes.shell.volumes: '/srv/cache' is not a volume (source:target or source:target:ro)")
                .contains("runtimes.shell.memory_mb: expected a number greater than zero, found");
    }

    private static final String KUBERNETES = """
              cluster:
                lab_type: kubernetes
                timeout: 2h
                kubeconfig: kube/config
                context: lab-east
                namespace: kernelci-jobs
                image: ${JOB_IMAGE}
                resources:
                  requests: {cpu: 500m, memory: 1Gi}
                  limits: {memory: 4Gi, ephemeral-storage: 20G}
                api_url: https://maestro.example.org/
                storage_url: https://maestro.example.org/pipeline/storage
            """;

    @Test
    void aKubernetesRuntimeHasItsClusterImageAndResources() throws IOException {
        String yaml = VALID.replace("runtimes:\n", "runtimes:\n" + KUBERNETES)
                .replace("    template: kver.sh\n", "    template: kver.sh\n    image: kernelci/kernelci:kver\n");
        PipelineConfig config = new ConfigLoader(Map.of("JOB_IMAGE", "kernelci/kernelci:latest")).load(files.write(yaml));
        RuntimeConfig cluster = config.runtimes().get("cluster");
        assertThat(cluster.labType()).isEqualTo(LabType.KUBERNETES);
        assertThat(cluster.timeout()).isEqualTo(Duration.ofHours(2));
        assertThat(cluster.kubernetes()).contains(new KubernetesConfig(Optional.of(dir.resolve("kube/config")),
                Optional.of("lab-east"), Optional.of("kernelci-jobs"), Optional.of("kernelci/kernelci:latest"),
                Map.of("cpu", "500m", "memory", "1Gi"), Map.of("memory", "4Gi", "ephemeral-storage", "20G"),
                Optional.of(URI.create("https://maestro.example.org")),
                Optional.of(URI.create("https://maestro.example.org/pipeline/storage"))));
        assertThat(config.runtimes().get("shell").kubernetes()).isEmpty();
        assertThat(config.jobs().get("kver").image()).isEqualTo("kernelci/kernelci:kver");
        assertThat(config.jobs().get("kbuild-tiny").image()).isEmpty();

        String minimal = VALID.replace("runtimes:\n", "runtimes:\n  cluster: {lab_type: kubernetes}\n");
        assertThat(files.load(minimal).runtimes().get("cluster").kubernetes()).contains(new KubernetesConfig(Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Map.of(), Map.of(), Optional.empty(), Optional.empty()));
    }

    @Test
    void badKubernetesSettingsAreNamed() throws IOException {
        String yaml = VALID.replace("runtimes:\n", "runtimes:\n" + KUBERNETES)
                .replace("image: ${JOB_IMAGE}", "image: busybox")
                .replace("namespace: kernelci-jobs", "namespace: Kernelci_Jobs")
                .replace("context: lab-east", "context: [lab-east, lab-west]")
                .replace("cpu: 500m", "cpu: lots")
                .replace("limits: {", "limit: {")
                .replace("api_url: https://maestro.example.org/", "api_url: maestro.example.org")
                .replace("    timeout: 10m\n", "    timeout: 10m\n    namespace: jobs\n");
        assertThat(files.failure(yaml))
                .contains("runtimes.cluster.namespace: 'Kernelci_Jobs' is not a Kubernetes namespace name")
                .contains("runtimes.cluster.context: one context per runtime entry")
                .contains("runtimes.cluster.resources.requests.cpu: 'lots' is not a Kubernetes quantity")
                .contains("runtimes.cluster.resources.limit: unknown key 'limit' (expected one of: requests, limits)")
                .contains("runtimes.cluster.api_url: expected an http:// or https:// URL, found 'maestro.example.org'")
                .contains("runtimes.shell.namespace: 'namespace' is a key of lab_type kubernetes runtimes, not of lab_type shell");
    }
}
