package dev.maestro.pipeline.results;

import static dev.maestro.pipeline.results.Nodes.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RegressionRuleTest {
    private final Map<String, Object> pass1 = run("prints-output", "shell", "c1", "pass", "2026-12-03T10:00:00.000000");
    private final Map<String, Object> fail2 = run("prints-output", "shell", "c2", "fail", "2026-12-03T10:05:00.000000");
    private final Map<String, Object> fail3 = run("prints-output", "shell", "c3", "fail", "2026-12-03T10:10:00.000000");
    private final Map<String, Object> pass4 = run("prints-output", "shell", "c4", "pass", "2026-12-03T10:15:00.000000");

    @Test
    void aFailAfterAPassOpensARegressionInKernelCisShape() {
        RegressionRule.Step step = RegressionRule.decide(fail2, Optional.of(pass1), Optional.empty());

        assertThat(step).isEqualTo(new RegressionRule.Open(pass1));
        Map<String, Object> draft = RegressionDrafts.open(fail2, pass1, "c0ffee", RegressionDrafts.logs(fail2));
        assertThat(draft).containsEntry("kind", "regression").containsEntry("state", "done").containsEntry("result", "fail")
                .containsEntry("parent", "c0ffee").containsEntry("name", "prints-output")
                .containsEntry("path", List.of("checkout", "kbuild-tiny", "tiny-tests", "prints-output"));
        assertThat(NodeMaps.data(draft)).containsEntry("fail_node", fail2.get("id")).containsEntry("pass_node", pass1.get("id"))
                .containsEntry("platform", "shell").containsEntry("arch", "x86_64").containsEntry("defconfig", "tinyconfig")
                .containsEntry("compiler", "gcc").containsEntry("test_key", TestIdentity.of(fail2).key())
                .containsEntry("node_sequence", List.of());
        assertThat(NodeMaps.map(NodeMaps.data(draft).get("failed_kernel_revision"))).containsEntry("commit", "c2");
        assertThat(NodeMaps.map(NodeMaps.data(draft).get("passed_kernel_revision"))).containsEntry("commit", "c1");
        assertThat(NodeMaps.map(draft.get("artifacts"))).containsOnlyKeys("log");
    }

    @Test
    void aFailWithAnOpenRegressionContinuesItOnce() {
        Map<String, Object> open = RegressionDrafts.open(fail2, pass1, "c0ffee", Map.of());

        assertThat(RegressionRule.decide(fail3, Optional.of(fail2), Optional.of(open))).isEqualTo(new RegressionRule.Continue(open));
        Map<String, Object> once = RegressionDrafts.continued(NodeMaps.data(open), (String) fail3.get("id"));
        Map<String, Object> twice = RegressionDrafts.continued(once, (String) fail3.get("id"));
        assertThat(twice).isEqualTo(once).containsEntry("node_sequence", List.of(fail3.get("id")));
        assertThat(RegressionDrafts.continued(NodeMaps.data(open), (String) fail2.get("id")))
                .as("the failure that opened it is not repeated in the sequence").containsEntry("node_sequence", List.of());
    }

    @Test
    void aLaterPassFixesTheOpenRegression() {
        Map<String, Object> open = Nodes.withData(RegressionDrafts.open(fail2, pass1, "c0ffee", Map.of()), "failed_at", fail2.get("created"));

        assertThat(RegressionRule.decide(pass4, Optional.of(fail3), Optional.of(open))).isEqualTo(new RegressionRule.Fix(open));
        assertThat(RegressionDrafts.fixed(NodeMaps.data(open), pass4)).containsEntry("fixed_by", pass4.get("id"));
        assertThat(RegressionRule.decide(pass1, Optional.empty(), Optional.of(open))).isInstanceOf(RegressionRule.Nothing.class);
    }

    @Test
    void incompleteIsNeitherPassNorFailAndAFirstFailOpensNothing() {
        Map<String, Object> incomplete = Nodes.with(fail2, "result", "incomplete");

        assertThat(RegressionRule.decide(incomplete, Optional.of(pass1), Optional.empty())).isInstanceOf(RegressionRule.Nothing.class);
        assertThat(RegressionRule.decide(fail2, Optional.empty(), Optional.empty())).isInstanceOf(RegressionRule.Nothing.class);
        assertThat(RegressionRule.decide(fail2, Optional.of(Nodes.with(pass1, "result", "incomplete")), Optional.empty()))
                .isInstanceOf(RegressionRule.Nothing.class);
    }

    @Test
    void anotherPlatformOrConfigIsAnotherTest() {
        Map<String, Object> otherPlatform = run("prints-output", "qemu", "c1", "pass", "2026-12-03T10:00:00.000000");
        Map<String, Object> otherConfig = Nodes.withData(pass1, "defconfig", "defconfig");
        Map<String, Object> otherCompiler = Nodes.withData(pass1, "compiler", "clang");

        TestIdentity test = TestIdentity.of(fail2);
        assertThat(test.matches(pass1)).isTrue();
        assertThat(test.matches(otherPlatform)).isFalse();
        assertThat(test.matches(otherConfig)).isFalse();
        assertThat(test.matches(otherCompiler)).isFalse();
        assertThat(TestIdentity.of(otherPlatform).key()).isNotEqualTo(test.key()).hasSize(32);
        assertThat(TestIdentity.of(pass1).key()).isEqualTo(test.key());
    }

    /** A patched revision's run (under a patchset node) never counts as the next run of the base's test, nor the reverse. */
    @Test
    void aRunUnderAPatchsetIsAnotherTestThanTheBasesRun() {
        Map<String, Object> patchedFail = Nodes.with(fail2, "path", List.of("checkout", "patchset", "kbuild-tiny", "tiny-tests",
                fail2.get("name")));

        assertThat(TestIdentity.of(patchedFail).matches(pass1)).isFalse();
        assertThat(TestIdentity.of(pass1).matches(patchedFail)).isFalse();
    }
}
