package dev.maestro.pipeline.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maestro.pipeline.config.JobConfig;
import dev.maestro.pipeline.config.JobKind;
import dev.maestro.pipeline.config.LabType;
import dev.maestro.pipeline.config.PlatformConfig;
import dev.maestro.pipeline.config.RuntimeConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobNodesTest {
    private static final RuntimeConfig SHELL = new RuntimeConfig("shell", LabType.SHELL, Duration.ofHours(1));
    private static final PlatformConfig SHELL_PLATFORM = new PlatformConfig("shell", "", "", "", "", List.of(), Map.of());
    private static final PlatformConfig QEMU = new PlatformConfig("qemu-x86", "x86_64", "qemu", "qemu", "qemu", List.of(), Map.of());
    private static final Map<String, Object> REVISION = Map.of("tree", "toy", "branch", "main", "commit", "abc1234",
            "version", Map.of("version", 6, "patchlevel", 1));
    private static final Map<String, Object> CHECKOUT = Map.of("id", "65a1f0c2e4b0a1b2c3d4e5f0", "kind", "checkout",
            "name", "checkout", "path", List.of("checkout"), "treeid", "f00d", "submitter", "service:pipeline",
            "data", Map.of("kernel_revision", REVISION, "architecture_filter", List.of("x86_64", "arm64")),
            "artifacts", Map.of("tarball", "http://h/linux-toy-main-abc1234.tar.gz"));

    private static ScheduledJob scheduled(String name, JobKind kind, Map<String, Object> params, PlatformConfig platform) {
        return new ScheduledJob(null, new JobConfig(name, kind, "t.sh", params, ""), SHELL, platform);
    }

    private static Map<String, Object> created(JobPlan plan) {
        assertThat(plan).isInstanceOf(JobPlan.Create.class);
        return ((JobPlan.Create) plan).node();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> data(Map<String, Object> node) {
        return (Map<String, Object>) node.get("data");
    }

    @Test
    void aJobNodeIsAChildOfTheTriggeringNodeNamedAndGroupedAfterTheJob() {
        Map<String, Object> node = created(JobNodes.plan(scheduled("kver", JobKind.TEST, Map.of(), SHELL_PLATFORM), CHECKOUT, Map.of()));
        assertThat(node).containsEntry("kind", "test")
                .containsEntry("name", "kver")
                .containsEntry("path", List.of("checkout", "kver"))
                .containsEntry("group", "kver")
                .containsEntry("parent", "65a1f0c2e4b0a1b2c3d4e5f0")
                .containsEntry("state", "running")
                .containsEntry("artifacts", Map.of())
                .containsEntry("treeid", "f00d")
                .containsEntry("submitter", "service:pipeline")
                .containsEntry("retry_counter", 0)
                .doesNotContainKeys("jobfilter", "platform_filter", "id");
        assertThat(node.get("data")).isEqualTo(Map.of("kernel_revision", REVISION, "runtime", "shell", "platform", "shell"));
    }

    @Test
    void aKbuildRecordsItsBuildParams() {
        Map<String, Object> node = created(JobNodes.plan(scheduled("kbuild-tiny", JobKind.KBUILD,
                Map.of("arch", "x86_64", "compiler", "gcc", "defconfig", List.of("tinyconfig", "kvm_guest")), SHELL_PLATFORM),
                CHECKOUT, Map.of()));
        assertThat(data(node)).containsEntry("arch", "x86_64").containsEntry("compiler", "gcc")
                .containsEntry("defconfig", "tinyconfig+kvm_guest").containsEntry("config_full", "tinyconfig+kvm_guest");
    }

    @Test
    void aKbuildOutsideTheCheckoutsArchitectureFilterIsSkipped() {
        JobPlan plan = JobNodes.plan(scheduled("kbuild-riscv", JobKind.KBUILD, Map.of("arch", "riscv"), SHELL_PLATFORM),
                CHECKOUT, Map.of());
        assertThat(plan).isEqualTo(new JobPlan.Skip(
                "arch riscv of job kbuild-riscv is not in the checkout's architecture_filter [x86_64, arm64]"));
    }

    @Test
    void aTestSuiteTakesTheBuildFactsOfTheBuildItTests() {
        Map<String, Object> kbuild = Map.of("id", "65a1f0c2e4b0a1b2c3d4e5f1", "path", List.of("checkout", "kbuild-tiny"),
                "data", Map.of("kernel_revision", REVISION, "arch", "x86_64", "compiler", "gcc", "defconfig", "tinyconfig",
                        "config_full", "tinyconfig", "runtime", "other", "platform", "shell"));
        Map<String, Object> node = created(JobNodes.plan(scheduled("tiny-tests", JobKind.JOB, Map.of("arch", "arm64"), QEMU),
                kbuild, Map.of()));
        assertThat(node).containsEntry("path", List.of("checkout", "kbuild-tiny", "tiny-tests"));
        assertThat(data(node)).containsEntry("arch", "x86_64").containsEntry("compiler", "gcc")
                .containsEntry("defconfig", "tinyconfig").containsEntry("config_full", "tinyconfig")
                .containsEntry("runtime", "shell").containsEntry("platform", "qemu-x86");
    }

    @Test
    void archComesFromTheJobParamsThenThePlatform() {
        Map<String, Object> onQemu = created(JobNodes.plan(scheduled("kver", JobKind.TEST, Map.of(), QEMU), CHECKOUT, Map.of()));
        assertThat(data(onQemu)).containsEntry("arch", "x86_64");
        Map<String, Object> withParam = created(JobNodes.plan(scheduled("kver", JobKind.TEST, Map.of("arch", "arm64"), QEMU), CHECKOUT, Map.of()));
        assertThat(data(withParam)).containsEntry("arch", "arm64");
    }

    @Test
    void retryFiltersDecideWhatIsCreatedAndAreInherited() {
        Map<String, Object> retry = Map.of("jobfilter", List.of("kbuild-tiny+"), "platform_filter", List.of("qemu-x86"),
                "retry_counter", 2);
        assertThat(JobNodes.plan(scheduled("kver", JobKind.TEST, Map.of(), SHELL_PLATFORM), CHECKOUT, retry))
                .isEqualTo(new JobPlan.Skip("job kver is not in the node's jobfilter [kbuild-tiny+]"));
        Map<String, Object> kbuild = created(JobNodes.plan(scheduled("kbuild-tiny", JobKind.KBUILD, Map.of("arch", "x86_64"),
                SHELL_PLATFORM), CHECKOUT, retry));
        assertThat(kbuild).containsEntry("retry_counter", 2).containsEntry("jobfilter", List.of("kbuild-tiny+"));

        Map<String, Object> underKbuild = Map.of("id", "k", "path", List.of("checkout", "kbuild-tiny"),
                "jobfilter", List.of("kbuild-tiny+"), "platform_filter", List.of("qemu-x86"), "data", Map.of());
        assertThat(JobNodes.plan(scheduled("tiny-tests", JobKind.JOB, Map.of(), QEMU), underKbuild, Map.of()))
                .as("X+ admits jobs below X").isInstanceOf(JobPlan.Create.class);
        assertThat(JobNodes.plan(scheduled("tiny-tests", JobKind.JOB, Map.of(), SHELL_PLATFORM), underKbuild, Map.of()))
                .isEqualTo(new JobPlan.Skip("platform shell is not in the node's platform_filter [qemu-x86]"));
    }
}
