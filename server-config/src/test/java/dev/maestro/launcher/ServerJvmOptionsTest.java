package dev.maestro.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ServerJvmOptionsTest {

    private static List<String> command(Map<String, String> env) {
        return Maestro.command(LauncherSettings.fromEnvironment(env));
    }

    /** The JVM's own verdict on a set of options: its output when it refuses them, else "". */
    private static String refusal(List<String> options) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(options);
        cmd.add("-version");
        Process java = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(java.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return java.exitValue() == 0 ? "" : output;
    }

    @Test
    void theLauncherSizesTheServerForThisMachinesCpusAndItsRole() {
        assertThat(command(Map.of())).containsSubsequence(
                ServerJvmOptions.of(List.of(), Runtime.getRuntime().availableProcessors(), Role.ALL));
        assertThat(command(Map.of("MAESTRO_ROLE", "api"))).containsSubsequence(
                ServerJvmOptions.of(List.of(), Runtime.getRuntime().availableProcessors(), Role.API));
    }

    @Test
    void onTwoCpusTheServerGetsTheSerialCollectorWithABoundedYoungGeneration() {
        assertThat(ServerJvmOptions.of(List.of(), 2, Role.ALL)).containsExactly("-Xmx1g", "-XX:+UseSerialGC", "-Xms128m", "-Xmn64m");
        assertThat(ServerJvmOptions.of(List.of(), 1, Role.ALL)).contains("-XX:+UseSerialGC");
    }

    @Test
    void onTwoCpusAnApiOnlyServerGetsASecondOptimizingCompilerThread() {
        assertThat(ServerJvmOptions.of(List.of(), 2, Role.API)).containsExactly("-Xmx1g", "-XX:+UseSerialGC", "-Xms128m",
                "-Xmn64m", "-XX:CICompilerCount=3");
        assertThat(ServerJvmOptions.of(List.of(), 2, Role.PIPELINE)).doesNotContain("-XX:CICompilerCount=3");
        assertThat(ServerJvmOptions.of(List.of(), 4, Role.API)).doesNotContain("-XX:CICompilerCount=3");
        assertThat(ServerJvmOptions.of(List.of("-XX:CICompilerCount=2"), 2, Role.API))
                .containsSubsequence("-XX:CICompilerCount=3", "-XX:CICompilerCount=2");
    }

    @Test
    void onMoreCpusTheServerKeepsTheJvmsCollectorThatHandsMemoryBack() {
        assertThat(ServerJvmOptions.of(List.of(), 4, Role.ALL)).containsExactly("-Xmx1g", "-XX:G1PeriodicGCInterval=30000",
                "-XX:MaxHeapFreeRatio=30", "-XX:MinHeapFreeRatio=10");
    }

    @Test
    void theOperatorsOptionsComeAfterTheDefaultsSoTheJvmTakesThem() {
        List<String> cmd = command(Map.of("MAESTRO_JAVA_OPTS", "  -Xmx2g   -Dfoo=bar "));
        assertThat(cmd).containsSubsequence("-Xmx1g", "-Xmx2g", "-Dfoo=bar", "-jar");
        assertThat(cmd).doesNotContain("", " ");
    }

    @Test
    void anOperatorsCollectorReplacesTheLaunchersBecauseTheJvmRefusesTwo() throws Exception {
        List<String> options = ServerJvmOptions.of(List.of("-XX:+UseParallelGC"), 2, Role.ALL);
        assertThat(options).containsExactly("-Xmx1g", "-XX:+UseParallelGC");
        assertThat(refusal(options)).isEmpty();
        assertThat(refusal(List.of("-XX:+UseSerialGC", "-XX:+UseParallelGC"))).contains("Multiple garbage collectors selected");
    }

    @Test
    void theJvmAcceptsTheDefaultsForEitherKindOfMachine() throws Exception {
        assertThat(refusal(ServerJvmOptions.of(List.of(), 2, Role.ALL))).isEmpty();
        assertThat(refusal(ServerJvmOptions.of(List.of(), 8, Role.ALL))).isEmpty();
        assertThat(refusal(ServerJvmOptions.of(List.of(), 2, Role.API))).isEmpty();
    }

    @Test
    void aBlankValueMeansNoOperatorOptions() {
        assertThat(ServerJvmOptions.of(LauncherSettings.fromEnvironment(Map.of("MAESTRO_JAVA_OPTS", "   ")).javaOptions(), 2, Role.ALL))
                .isEqualTo(ServerJvmOptions.of(List.of(), 2, Role.ALL));
    }
}
