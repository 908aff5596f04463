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
    }

    @Test
    void theOperatorsOptionsComeAfterTheDefaultsSoTheJvmTakesThem() {
        List<String> cmd = command(Map.of("MAESTRO_JAVA_OPTS", "  -Xmx2g   -Dfoo=bar "));
        assertThat(cmd).containsSubsequence("-Xmx1g", "-Xmx2g", "-Dfoo=bar", "-jar");
        assertThat(cmd).doesNotContain("", " ");
    }

    @Test
    void anOperatorsCollectorReplacesTheDefaultOneSinceTheJvmRefusesTwo() {
        assertThat(ServerJvmOptions.of(List.of("-XX:+UseSerialGC", "-Xmx1g"), List.of("-XX:+UseG1GC")))
                .containsExactly("-Xmx1g", "-XX:+UseG1GC");
        assertThat(ServerJvmOptions.of(List.of("-XX:+UseSerialGC", "-Xmx1g"), List.of("-Xmx2g")))
                .containsExactly("-XX:+UseSerialGC", "-Xmx1g", "-Xmx2g");
    }

    @Test
    void aBlankValueMeansNoOperatorOptions() {
        assertThat(ServerJvmOptions.of(LauncherSettings.fromEnvironment(Map.of("MAESTRO_JAVA_OPTS", "   ")).javaOptions()))
                .isEqualTo(ServerJvmOptions.DEFAULTS);
    }
}
