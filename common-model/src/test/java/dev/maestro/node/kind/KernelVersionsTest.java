package dev.maestro.node.kind;

import static dev.maestro.node.TestNodes.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class KernelVersionsTest {

    private static Map<String, Object> withVersion(Map<String, Object> version) {
        return map("kernel_revision", map("tree", "t", "version", version));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> versionOf(Map<String, Object> data) {
        return (Map<String, Object>) ((Map<String, Object>) data.get("kernel_revision")).get("version");
    }

    @Test
    void digitStringsBecomeIntegers() {
        Map<String, Object> n = KernelVersions.translate(withVersion(map("version", "6", "patchlevel", " 7 ", "sublevel", "0", "extra", "-rc1")));
        assertThat(versionOf(n)).containsEntry("version", 6).containsEntry("patchlevel", 7).containsEntry("sublevel", 0)
                .containsEntry("extra", "-rc1");
        assertThat(n.get("kernel_revision")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("tree", "t");
    }

    @Test
    void nonDigitStringsAndIntegersAreLeftAlone() {
        Map<String, Object> n = KernelVersions.translate(withVersion(map("version", "six", "patchlevel", 7)));
        assertThat(versionOf(n)).containsEntry("version", "six").containsEntry("patchlevel", 7);
    }

    @Test
    void nodesWithoutAVersionAreReturnedAsThey() {
        assertThat(KernelVersions.translate(null)).isNull();
        Map<String, Object> noVersion = map("kernel_revision", "x");
        assertThat(KernelVersions.translate(noVersion)).isSameAs(noVersion);
    }
}
