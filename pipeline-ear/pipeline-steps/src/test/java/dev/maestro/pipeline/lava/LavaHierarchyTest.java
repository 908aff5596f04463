package dev.maestro.pipeline.lava;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maestro.json.Json;
import dev.maestro.node.Hierarchy;
import dev.maestro.node.Node;
import dev.maestro.node.NodeResult;
import dev.maestro.node.NodeState;
import dev.maestro.testsupport.FakeLavaServer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

class LavaHierarchyTest {
    private static final ObjectId ID = new ObjectId("65a1f0c2e4b0a1b2c3d4e5f6");
    private static final Instant NOW = Instant.parse("2026-12-06T04:00:00Z");

    private static Node job(Map<String, Object> data) {
        return Node.newNode(NOW).id(ID).kind("job").name("baseline-x86").path(List.of("checkout", "kbuild-tiny", "baseline-x86"))
                .state(NodeState.RUNNING).data(data).artifacts(Map.of("job_definition", "http://s/def.yaml")).build();
    }

    private static LavaResult result(String name, String jobName) {
        return LavaResultTree.map(LavaCallback.read(Json.parseObject(FakeLavaServer.recordedCallback(name, ID.toHexString()))), jobName);
    }

    @Test
    void theJobIsDoneWithItsResultDeviceAndArtifactsAndEachChildRepeatsTheJobsBuildFields() {
        Node job = job(Map.of("runtime", "lab-one", "platform", "qemu-x86_64", "arch", "x86_64", "job_id", "1000",
                "kernel_revision", Map.of("tree", "toy")));
        Hierarchy tree = LavaHierarchy.of(job, result("nested-test-sets", "kselftest"), Map.of("lava_log", "http://s/log.txt"), NOW);

        Node root = tree.node();
        assertThat(root.id()).isEqualTo(ID);
        assertThat(root.state()).isEqualTo(NodeState.DONE);
        assertThat(root.result()).isEqualTo(NodeResult.FAIL);
        assertThat(root.data()).containsEntry("device", "qemu-01").containsEntry("job_id", "1000").doesNotContainKey("error_code");
        assertThat(root.artifacts()).containsEntry("job_definition", "http://s/def.yaml").containsEntry("lava_log", "http://s/log.txt")
                .containsEntry("coverage", "https://files.example/cov.tar.gz");
        assertThat(tree.preOrder()).hasSize(13);
        Hierarchy cpufreq = tree.children().get(1);
        Hierarchy set = cpufreq.children().get(2);
        assertThat(set.node().path()).containsExactly("checkout", "kbuild-tiny", "baseline-x86", "kselftest-cpufreq", "cpufreq");
        assertThat(set.node().kind()).isEqualTo("job");
        Node sleep = set.children().get(0).node();
        assertThat(sleep.path()).containsExactly("checkout", "kbuild-tiny", "baseline-x86", "kselftest-cpufreq", "cpufreq", "sleep");
        assertThat(sleep.kind()).isEqualTo("test");
        assertThat(sleep.group()).isEqualTo("baseline-x86");
        assertThat(sleep.state()).isEqualTo(NodeState.DONE);
        assertThat(sleep.result()).isEqualTo(NodeResult.FAIL);
        assertThat(sleep.id()).isNull();
        assertThat(sleep.data()).isEqualTo(Map.of("runtime", "lab-one", "platform", "qemu-x86_64", "arch", "x86_64",
                "kernel_revision", Map.of("tree", "toy")));
        Node leapsec = tree.children().get(2).children().get(0).node();
        assertThat(leapsec.name()).isEqualTo("leapsec");
        assertThat(leapsec.result()).isNull();
    }

    @Test
    void anIncompleteJobCarriesLavasErrorAndReplacesAnEarlierNodeTimeout() {
        Node timedOut = job(Map.of("error_code", "node_timeout", "error_msg", "timed out"));
        Node root = LavaHierarchy.of(timedOut, result("infrastructure-error", "baseline-x86"), Map.of(), NOW).node();
        assertThat(root.result()).isEqualTo(NodeResult.INCOMPLETE);
        assertThat(root.data()).containsEntry("error_code", "Infrastructure")
                .containsEntry("error_msg", "Unable to download http://files.example/rd.cpio.gz: 404 Not Found");

        Node passed = LavaHierarchy.of(timedOut, result("passing-boot", "baseline-x86"), Map.of(), NOW).node();
        assertThat(passed.result()).isEqualTo(NodeResult.PASS);
        assertThat(passed.data()).doesNotContainKey("error_code").doesNotContainKey("error_msg");
    }

    @Test
    void anErrorTypeTheNodeModelDoesNotKnowBecomesInfrastructureAndIsNamedInTheMessage() {
        LavaResult odd = new LavaResult("incomplete", Optional.of("Weird"), Optional.of("it broke"), Optional.empty(), Map.of(), List.of());
        Node root = LavaHierarchy.of(job(Map.of()), odd, Map.of(), NOW).node();
        assertThat(root.data()).containsEntry("error_code", "Infrastructure").containsEntry("error_msg", "LAVA error type Weird: it broke");
    }
}
