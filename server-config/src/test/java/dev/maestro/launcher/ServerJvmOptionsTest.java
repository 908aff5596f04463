package dev.maestro.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerJvmOptionsTest {

    private static List<String> command(Map<String, String> env) {
        return Maestro.command(LauncherSettings.fromEnvironment(env));
    }

    @Test
    void withoutOperatorOptionsTheServerGetsTheDefaults() {
        assertThat(command(Map.of())).containsSubsequence(ServerJvmOptions.DEFAULTS);
        assertThat(ServerJvmOptions.DEFAULTS).contains("-Xmx1g", "-XX:G1PeriodicGCInterval=30000");
    }

    @Test
    void theOperatorsOptionsComeAfterTheDefaultsSoTheJvmTakesThem() {
        List<String> cmd = command(Map.of("MAESTRO_JAVA_OPTS", "  -Xmx2g   -Dfoo=bar "));
        assertThat(cmd).containsSubsequence("-Xmx1g", "-Xmx2g", "-Dfoo=bar", "-jar");
        assertThat(cmd).doesNotContain("", " ");
    }

    @Test
    void anOperatorMayChooseAnotherCollectorSinceTheDefaultsNameNone() {
        assertThat(command(Map.of("MAESTRO_JAVA_OPTS", "-XX:+UseParallelGC"))).contains("-XX:+UseParallelGC")
                .noneMatch(o -> o.matches("-XX:\\+Use\\w+GC") && !o.equals("-XX:+UseParallelGC"));
    }

    @Test
    void aBlankValueMeansNoOperatorOptions() {
        assertThat(ServerJvmOptions.of(LauncherSettings.fromEnvironment(Map.of("MAESTRO_JAVA_OPTS", "   ")).javaOptions()))
                .isEqualTo(ServerJvmOptions.DEFAULTS);
    }
}
