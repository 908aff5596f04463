package dev.maestro.pipeline.lava;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.maestro.json.Json;
import dev.maestro.testsupport.FakeLavaServer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LavaResultTreeTest {
    private static final String NODE = "65a1f0c2e4b0a1b2c3d4e5f6";

    private static Map<String, Object> body(String name) {
        return Json.parseObject(FakeLavaServer.recordedCallback(name, NODE));
    }

    private static LavaResult map(String name, String jobName) {
        return LavaResultTree.map(LavaCallback.read(body(name)), jobName);
    }

    private static LavaResult.Child child(List<LavaResult.Child> children, String name) {
        return children.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    private static LavaResult.Child test(String name, String result) {
        return new LavaResult.Child(name, "test", Optional.ofNullable(result), List.of());
    }

    @Test
    void aPassingBootPassesWithItsSuiteItsSetupAndTheDevice() {
        LavaResult result = map("passing-boot", "baseline-x86");
        assertThat(result.result()).isEqualTo("pass");
        assertThat(result.errorCode()).isEmpty();
        assertThat(result.device()).contains("qemu-01");
        assertThat(result.children()).containsExactly(
                new LavaResult.Child("setup", "job", Optional.of("pass"), List.of(test("login", "pass"))),
                new LavaResult.Child("baseline", "job", Optional.of("pass"),
                        List.of(test("proc-version", "pass"), test("uname", "pass"))));
    }

    @Test
    void onlySerialConsoleLinesMakeTheLogWithControlCharactersReplaced() {
        LavaCallback callback = LavaCallback.read(body("passing-boot"));
        assertThat(callback.serialLog()).isEqualTo("Linux version 6.1.0-toy (gcc)\nRun /init as init process?\n/ #\n");
        assertThat(callback.lavaJobId()).contains("1000");
    }

    @Test
    void aFailedLoginOfABaselineJobFailsItAndKeepsLavasErrorAndAKernelMessageFailure() {
        LavaResult result = map("failed-login", "baseline-x86");
        assertThat(result.result()).isEqualTo("fail");
        assertThat(result.errorCode()).contains("Test");
        assertThat(result.errorMessage()).contains("auto-login-action timed out after 120 seconds");
        assertThat(result.children()).containsExactly(new LavaResult.Child("setup", "job", Optional.of("fail"),
                List.of(test("login", "fail"), test("kernelmsg", "fail"))));
    }

    @Test
    void aFailedLoginOfAnotherJobStaysIncomplete() {
        assertThat(map("failed-login", "kselftest-cpufreq").result()).isEqualTo("incomplete");
    }

    @Test
    void anInfrastructureErrorIsIncompleteWithLavasErrorTypeAndMessage() {
        LavaResult result = map("infrastructure-error", "baseline-x86");
        assertThat(result.result()).isEqualTo("incomplete");
        assertThat(result.errorCode()).contains("Infrastructure");
        assertThat(result.errorMessage()).contains("Unable to download http://files.example/rd.cpio.gz: 404 Not Found");
        assertThat(result.children()).isEmpty();
    }

    @Test
    void testSetsNestUnderTheirSuiteAndAFailingSuiteFailsACompleteJob() {
        LavaResult result = map("nested-test-sets", "kselftest-cpufreq");
        assertThat(result.result()).isEqualTo("fail");
        assertThat(result.children()).extracting(LavaResult.Child::name).containsExactly("setup", "kselftest-cpufreq", "ltp-timers");
        LavaResult.Child cpufreq = child(result.children(), "kselftest-cpufreq");
        // LAVA said the stage passed, but a case failed: the children decide.
        assertThat(cpufreq.result()).contains("fail");
        assertThat(cpufreq.children()).containsExactly(
                test("shardfile", "pass"),
                new LavaResult.Child("governors", "job", Optional.of("skip"), List.of(test("governors", "skip"))),
                new LavaResult.Child("cpufreq", "job", Optional.of("fail"), List.of(test("sleep", "fail"), test("main", "pass"))));
        LavaResult.Child timers = child(result.children(), "ltp-timers");
        assertThat(timers.result()).contains("fail");
        assertThat(timers.children()).containsExactly(test("leapsec", null), test("clock_gettime", "pass"));
        assertThat(result.artifacts()).isEqualTo(Map.of("coverage", "https://files.example/cov.tar.gz"));
    }

    @Test
    void aCallbackWithoutLogIsIncomplete() {
        Map<String, Object> body = new LinkedHashMap<>(body("passing-boot"));
        body.remove("log");
        LavaResult result = LavaResultTree.map(LavaCallback.read(body), "baseline-x86");
        assertThat(result.result()).isEqualTo("incomplete");
        assertThat(result.errorCode()).contains("Infrastructure");
    }

    @Test
    void malformedBodiesAreRefusedWithTheFieldAtFault() {
        Map<String, Object> noStatus = new LinkedHashMap<>(body("passing-boot"));
        noStatus.remove("status");
        assertThatThrownBy(() -> LavaCallback.read(noStatus)).isInstanceOf(LavaCallbackException.class).hasMessageContaining("'status'");
        assertThatThrownBy(() -> LavaCallback.read(Map.of("status", 2, "results", List.of())))
                .hasMessageContaining("'results'");
        assertThatThrownBy(() -> LavaCallback.read(Map.of("status", 2, "results", Map.of("0_x", "- name: [unclosed"))))
                .hasMessageContaining("results.0_x is not valid YAML");
        assertThatThrownBy(() -> LavaCallback.read(Map.of("status", 2, "results", Map.of("0_x", "- result: pass"))))
                .hasMessageContaining("results.0_x[0] must have a 'name' and a 'result'");
        assertThatThrownBy(() -> LavaCallback.read(Map.of("status", 2, "log", 5))).hasMessageContaining("'log'");
    }
}
