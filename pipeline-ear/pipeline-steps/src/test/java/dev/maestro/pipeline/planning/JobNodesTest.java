package dev.maestro.pipeline.planning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maestro.node.Node;
import dev.maestro.node.NodeState;
import dev.maestro.pipeline.config.JobConfig;
import dev.maestro.pipeline.config.JobKind;
import dev.maestro.pipeline.config.LabType;
import dev.maestro.pipeline.config.PlatformConfig;
import dev.maestro.pipeline.config.RuntimeConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

class JobNodesTest {
    private static final RuntimeConfig SHELL = new RuntimeConfig("shell", LabType.SHELL, Duration.ofHours(1));
    private static final PlatformConfig SHELL_PLATFORM = new PlatformConfig("shell", "", "", "", "", List.of(), Map.of());
    private static final PlatformConfig QEMU = new PlatformConfig("qemu-x86", "x86_64", "qemu", "qemu", "qemu", List.of(), Map.of());
    private static final Map<String, Object> REVISION = Map.of("tree", "toy", "branch", "main", "commit", "abc1234",
            "version", Map.of("version", 6, "patchlevel", 1));
    private static final ObjectId CHECKOUT_ID = new ObjectId("65a1f0c2e4b0a1b2c3d4e5f0");
    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00.123Z");
    private static final Node CHECKOUT = Node.builder().id(CHECKOUT_ID).kind("checkout")
            .name("checkout").path(List.of("checkout")).treeid("f00d").submitter("service:pipeline")
            .data(Map.of("kernel_revision", REVISION, "architecture_filter", List.of("x86_64", "arm64")))
            .artifacts(Map.of("tarball", "http://h/linux-toy-main-abc1234.tar.gz")).build();

    private static ScheduledJob scheduled(String name, JobKind kind, Map<String, Object> params, PlatformConfig platform) {
        return new ScheduledJob(null, new JobConfig(name, kind, "t.sh", params, ""), SHELL, platform);
    }

    private static Node created(JobPlan plan) {
        assertThat(plan).isInstanceOf(JobPlan.Create.class);
        return ((JobPlan.Create) plan).node();
    }

    private static JobPlan plan(ScheduledJob scheduled, Node input, Map<String, Object> event) {
        return JobNodes.plan(scheduled, input, event, NOW);
    }

    @Test
    void aJobNodeIsAChildOfTheTriggeringNodeNamedAndGroupedAfterTheJob() {
        Node node = created(plan(scheduled("kver", JobKind.TEST, Map.of(), SHELL_PLATFORM), CHECKOUT, Map.of()));
        assertThat(node.kind()).isEqualTo("test");
        assertThat(node.name()).isEqualTo("kver");
        assertThat(node.path()).isEqualTo(List.of("checkout", "kver"));
        assertThat(node.group()).isEqualTo("kver");
        assertThat(node.parent()).isEqualTo(CHECKOUT_ID);
        assertThat(node.state()).isEqualTo(NodeState.RUNNING);
        assertThat(node.artifacts()).isEmpty();
        assertThat(node.treeid()).isEqualTo("f00d");
        assertThat(node.submitter()).isEqualTo("service:pipeline");
        assertThat(node.retryCounter()).isZero();
        assertThat(node.jobfilter()).isNull();
        assertThat(node.platformFilter()).isEmpty();
        assertThat(node.id()).isNull();
        assertThat(node.created()).isEqualTo(NOW);
        assertThat(node.updated()).isEqualTo(NOW);
        assertThat(node.timeout()).isEqualTo(NOW.plus(Node.DEFAULT_TIMEOUT));
        assertThat(node.data()).isEqualTo(Map.of("kernel_revision", REVISION, "runtime", "shell", "platform", "shell"));
    }

    @Test
    void aKbuildRecordsItsBuildParams() {
        Node node = created(plan(scheduled("kbuild-tiny", JobKind.KBUILD,
                Map.of("arch", "x86_64", "compiler", "gcc", "defconfig", List.of("tinyconfig", "kvm_guest")), SHELL_PLATFORM),
                CHECKOUT, Map.of()));
        assertThat(node.data()).containsEntry("arch", "x86_64").containsEntry("compiler", "gcc")
                .containsEntry("defconfig", "tinyconfig+kvm_guest").containsEntry("config_full", "tinyconfig+kvm_guest");
    }

    @Test
    void aKbuildOutsideTheCheckoutsArchitectureFilterIsSkipped() {
        JobPlan plan = plan(scheduled("kbuild-riscv", JobKind.KBUILD, Map.of("arch", "riscv"), SHELL_PLATFORM),
                CHECKOUT, Map.of());
        assertThat(plan).isEqualTo(new JobPlan.Skip(
                "arch riscv of job kbuild-riscv is not in the checkout's architecture_filter [x86_64, arm64]"));
    }

    @Test
    void aTestSuiteTakesTheBuildFactsOfTheBuildItTests() {
        Node kbuild = Node.builder().id(new ObjectId("65a1f0c2e4b0a1b2c3d4e5f1")).path(List.of("checkout", "kbuild-tiny"))
                .data(Map.of("kernel_revision", REVISION, "arch", "x86_64", "compiler", "gcc", "defconfig", "tinyconfig",
                        "config_full", "tinyconfig", "runtime", "other", "platform", "shell")).build();
        Node node = created(plan(scheduled("tiny-tests", JobKind.JOB, Map.of("arch", "arm64"), QEMU),
                kbuild, Map.of()));
        assertThat(node.path()).isEqualTo(List.of("checkout", "kbuild-tiny", "tiny-tests"));
        assertThat(node.data()).containsEntry("arch", "x86_64").containsEntry("compiler", "gcc")
                .containsEntry("defconfig", "tinyconfig").containsEntry("config_full", "tinyconfig")
                .containsEntry("runtime", "shell").containsEntry("platform", "qemu-x86");
    }

    @Test
    void archComesFromTheJobParamsThenThePlatform() {
        Node onQemu = created(plan(scheduled("kver", JobKind.TEST, Map.of(), QEMU), CHECKOUT, Map.of()));
        assertThat(onQemu.data()).containsEntry("arch", "x86_64");
        Node withParam = created(plan(scheduled("kver", JobKind.TEST, Map.of("arch", "arm64"), QEMU), CHECKOUT, Map.of()));
        assertThat(withParam.data()).containsEntry("arch", "arm64");
    }

    @Test
    void retryFiltersDecideWhatIsCreatedAndAreInherited() {
        Map<String, Object> retry = Map.of("jobfilter", List.of("kbuild-tiny+"), "platform_filter", List.of("qemu-x86"),
                "retry_counter", 2);
        assertThat(plan(scheduled("kver", JobKind.TEST, Map.of(), SHELL_PLATFORM), CHECKOUT, retry))
                .isEqualTo(new JobPlan.Skip("job kver is not in the node's jobfilter [kbuild-tiny+]"));
        Node kbuild = created(plan(scheduled("kbuild-tiny", JobKind.KBUILD, Map.of("arch", "x86_64"),
                SHELL_PLATFORM), CHECKOUT, retry));
        assertThat(kbuild.retryCounter()).isEqualTo(2);
        assertThat(kbuild.jobfilter()).isEqualTo(List.of("kbuild-tiny+"));

        Node underKbuild = Node.builder().id(new ObjectId()).path(List.of("checkout", "kbuild-tiny"))
                .jobfilter(List.of("kbuild-tiny+")).platformFilter(List.of("qemu-x86")).data(Map.of()).build();
        assertThat(plan(scheduled("tiny-tests", JobKind.JOB, Map.of(), QEMU), underKbuild, Map.of()))
                .as("X+ admits jobs below X").isInstanceOf(JobPlan.Create.class);
        assertThat(plan(scheduled("tiny-tests", JobKind.JOB, Map.of(), SHELL_PLATFORM), underKbuild, Map.of()))
                .isEqualTo(new JobPlan.Skip("platform shell is not in the node's platform_filter [qemu-x86]"));
    }
}
