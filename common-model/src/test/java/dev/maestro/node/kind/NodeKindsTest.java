package dev.maestro.node.kind;

import static dev.maestro.node.TestNodes.list;
import static dev.maestro.node.TestNodes.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.maestro.error.BadRequestException;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class NodeKindsTest {

    static Map<String, Object> revision() {
        return map("tree", "mainline", "url", "https://git.kernel.org/torvalds/linux.git", "branch", "master",
                "commit", "2a98", "version", map("version", 6, "patchlevel", 7, "sublevel", 0, "extra", "-rc1"),
                "commit_tags", list("v6.7-rc1"), "tip_of_branch", true);
    }

    static Stream<Arguments> validData() {
        String oid = "61bda8f2eb1a63d2b7152418";
        return Stream.of(
                Arguments.of("checkout", map("kernel_revision", revision(), "error_code", "git_checkout_failure",
                        "architecture_filter", list("x86_64"), "unknown_key", "kept")),
                Arguments.of("checkout", map()),
                Arguments.of("checkout", map("kernel_revision", map("tree", "mainline", "url", "https://git.kernel.org/x.git",
                        "branch", "master", "commit", "2a98", "patchset", "9f86d0818"), "error_code", "patch_apply_failure")),
                Arguments.of("kbuild", map("kernel_revision", revision(), "arch", "x86_64", "defconfig", "defconfig",
                        "compiler", "gcc-12", "fragments", list("kselftest"), "config_full", "defconfig+kselftest",
                        "error_code", "kbuild_internal_error", "regression", oid, "runtime", "k8s")),
                Arguments.of("test", map("kernel_revision", revision(), "test_source", "git://git.example.org/tests.git",
                        "test_revision", revision(), "platform", "qemu-x86", "misc", map("a", 1), "error_code", "Infrastructure")),
                Arguments.of("job", map("runtime", "lava-collabora", "job_id", "123", "error_code", "LAVATimeout")),
                Arguments.of("regression", map("fail_node", oid, "pass_node", oid, "node_sequence", list(oid, oid),
                        "failed_kernel_revision", revision())),
                Arguments.of("patchset", map("kernel_revision", revision(), "error_code", "submit_error")),
                Arguments.of("process", map("anything", list(1, "x"))),
                Arguments.of("node", map("free", map("form", true))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validData")
    void validDataPasses(String kind, Map<String, Object> data) {
        assertThatCode(() -> NodeKinds.validate(kind, data)).doesNotThrowAnyException();
    }

    static Stream<Arguments> invalidData() {
        return Stream.of(
                Arguments.of("checkout", map("kernel_revision", map("tree", "t")), "data.kernel_revision.url: Field required"),
                Arguments.of("checkout", map("error_code", "Infrastructure"), "data.error_code: Input should be one of"),
                Arguments.of("checkout", map("kernel_revision", map("tree", "t", "url", "not a url", "branch", "b", "commit", "c")),
                        "data.kernel_revision.url: Input should be a valid URL"),
                Arguments.of("checkout", map("kernel_revision", withVersion(map("version", "6", "patchlevel", 1))),
                        "data.kernel_revision.version.version: Input should be a valid integer"),
                Arguments.of("checkout", map("kernel_revision", withVersion(map("version", 6))),
                        "data.kernel_revision.version.patchlevel: Field required"),
                Arguments.of("kbuild", map("arch", 64), "data.arch: Input should be a valid string"),
                Arguments.of("kbuild", map("fragments", "kselftest"), "data.fragments: Input should be a valid list"),
                Arguments.of("kbuild", map("fragments", list("a", 2)), "data.fragments.1: Input should be a valid string"),
                Arguments.of("kbuild", map("regression", "abc"), "data.regression: Input should be a valid ObjectId"),
                Arguments.of("test", map("misc", "x"), "data.misc: Input should be a valid dictionary"),
                Arguments.of("test", map("test_source", "nope"), "data.test_source: Input should be a valid URL"),
                Arguments.of("job", map("job_id", 123), "data.job_id: Input should be a valid string"),
                Arguments.of("regression", map("node_sequence", list("zz")), "data.node_sequence.0: Input should be a valid ObjectId"),
                Arguments.of("kbuild", map("kernel_revision", map("tree", "t", "url", "https://x/", "branch", "b", "commit", "c",
                        "tip_of_branch", "yes")), "data.kernel_revision.tip_of_branch: Input should be a valid boolean"),
                Arguments.of("kbuild", null, "data: Input should be a valid dictionary"));
    }

    private static Map<String, Object> withVersion(Map<String, Object> version) {
        Map<String, Object> r = revision();
        r.put("version", version);
        return r;
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("invalidData")
    void invalidDataIs400WithAReadableDetail(String kind, Map<String, Object> data, String expected) {
        assertThatThrownBy(() -> NodeKinds.validate(kind, data)).isInstanceOfSatisfying(BadRequestException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.getMessage()).contains("for a " + kind + " node").contains(expected);
        });
    }

    @Test
    void everyProblemIsListed() {
        assertThatThrownBy(() -> NodeKinds.validate("kbuild", map("arch", 1, "compiler", 2)))
                .hasMessageStartingWith("2 validation errors for a kbuild node: ")
                .hasMessageContaining("data.arch").hasMessageContaining("data.compiler");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Checkout", "build", "", "nodes"})
    void unknownKindsAre400(String kind) {
        assertThatThrownBy(() -> NodeKinds.validate(kind, map())).isInstanceOf(BadRequestException.class)
                .hasMessage("Unsupported node kind: " + kind);
    }

    @Test
    void processAndNodeAcceptNullData() {
        assertThatCode(() -> NodeKinds.validate("process", null)).doesNotThrowAnyException();
        assertThatCode(() -> NodeKinds.validate("node", null)).doesNotThrowAnyException();
        assertThat(NodeKinds.all()).containsExactlyInAnyOrder("checkout", "kbuild", "test", "job", "process", "regression",
                "node", "patchset");
    }
}
