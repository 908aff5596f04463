package dev.maestro.node.kind;

import static dev.maestro.node.TestNodes.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.maestro.node.Node;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KernelVersionsTest {

    private static Node withVersion(Map<String, Object> version) {
        return Node.builder().kind("checkout").name("c").path(List.of("c"))
                .data(map("kernel_revision", map("tree", "t", "version", version))).build();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> versionOf(Node n) {
        return (Map<String, Object>) ((Map<String, Object>) n.data().get("kernel_revision")).get("version");
    }

    @Test
    void digitStringsBecomeIntegers() {
        Node n = KernelVersions.translate(withVersion(map("version", "6", "patchlevel", " 7 ", "sublevel", "0", "extra", "-rc1")));
        assertThat(versionOf(n)).containsEntry("version", 6).containsEntry("patchlevel", 7).containsEntry("sublevel", 0)
                .containsEntry("extra", "-rc1");
        assertThat(n.data().get("kernel_revision")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("tree", "t");
    }

    @Test
    void nonDigitStringsAndIntegersAreLeftAlone() {
        Node n = KernelVersions.translate(withVersion(map("version", "six", "patchlevel", 7)));
        assertThat(versionOf(n)).containsEntry("version", "six").containsEntry("patchlevel", 7);
    }

    @Test
    void nodesWithoutAVersionAreReturnedAsThey() {
        Node plain = Node.builder().kind("node").name("n").path(List.of()).data(null).build();
        assertThat(KernelVersions.translate(plain)).isSameAs(plain);
        Node noVersion = Node.builder().kind("checkout").name("c").path(List.of()).data(map("kernel_revision", "x")).build();
        assertThat(KernelVersions.translate(noVersion)).isSameAs(noVersion);
    }
}
