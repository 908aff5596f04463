package dev.maestro.launcher;

import static dev.maestro.launcher.ConsoleCapture.capture;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bad pipeline configuration stops {@code ./maestro start} before anything is started, with
 * the loader's file:line:column: key messages; {@code ./maestro check-config} says the same
 * without starting, and summarises a good file such as the shipped example.
 */
class PipelineConfigStartTest {
    private static final Path EXAMPLE = Path.of("src/main/config/pipeline.yaml").toAbsolutePath();

    @TempDir
    Path dir;

    @Test
    void checkConfigSummarisesTheShippedExampleAndNamesTheProblemsOfABadFile() throws IOException {
        LauncherSettings settings = LauncherSettings.fromEnvironment(Map.of("MAESTRO_DATA_DIR", dir.resolve("data").toString()));
        ConsoleCapture.Captured good = capture(() -> Maestro.checkConfig(settings, EXAMPLE));
        assertThat(good.status()).isZero();
        assertThat(good.out()).contains(EXAMPLE + " is valid: 1 tree(s), 1 build config(s), 3 job(s), 3 scheduler entries",
                "storage at " + dir.resolve("data").resolve("storage"));

        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, Files.readString(EXAMPLE).replace("    lab_type: shell\n", "    lab_type: shell\n    colour: red\n"));
        ConsoleCapture.Captured bad = capture(() -> Maestro.checkConfig(settings, file));
        assertThat(bad.status()).isEqualTo(2);
        assertThat(bad.err()).contains(file + ":" + lineOf(Files.readString(file), "colour: red") + ":5: runtimes.shell.colour: unknown key");
    }

    @Test
    void checkConfigAcceptsTheExamplesKubernetesRuntimeOnceUncommented() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(EXAMPLE));
        int start = lines.indexOf("#  k8s:");
        assertThat(start).as("the example documents a Kubernetes runtime").isPositive();
        for (int i = start; i < lines.size() && lines.get(i).startsWith("#  "); i++) {
            lines.set(i, lines.get(i).substring(1));
        }
        Path file = dir.resolve("with-k8s.yaml");
        Files.write(file, lines);
        LauncherSettings settings = LauncherSettings.fromEnvironment(Map.of("MAESTRO_DATA_DIR", dir.resolve("data").toString()));
        assertThat(PipelineConfigCheck.load(file, Map.of("MAESTRO_DATA_DIR", dir.resolve("data").toString()))
                .runtimes().get("k8s").kubernetes()).hasValueSatisfying(k -> assertThat(k.namespace()).contains("maestro-jobs"));
        ConsoleCapture.Captured checked = capture(() -> Maestro.checkConfig(settings, file));
        assertThat(checked.status()).as(checked.err()).isZero();
    }

    @Test
    void theExampleCheckoutHoldoffIsKernelcisTenMinutesUnlessShortenedForATryOut() throws Exception {
        Map<String, String> server = Map.of("MAESTRO_DATA_DIR", dir.resolve("data").toString());
        assertThat(PipelineConfigCheck.load(EXAMPLE, server).buildConfigs().get("toy_main").holdoff()).isEqualTo(Duration.ofMinutes(10));
        Map<String, String> tryOut = Map.of("MAESTRO_DATA_DIR", dir.resolve("data").toString(), "MAESTRO_EXAMPLE_HOLDOFF", "1m");
        assertThat(PipelineConfigCheck.load(EXAMPLE, tryOut).buildConfigs().get("toy_main").holdoff()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void anUnknownKeyAndAMissingRuntimeStopTheStartWithTheirPlaces() throws Exception {
        String example = Files.readString(EXAMPLE);
        String bad = example.replace("    lab_type: shell\n", "    lab_type: shell\n    colour: red\n")
                .replace("runtime: {name: shell}", "runtime: {name: lava-lab}");
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, bad);

        LauncherSettings settings = LauncherSettings.fromEnvironment(Map.of("MAESTRO_DATA_DIR", dir.resolve("data").toString(),
                "MAESTRO_PIPELINE_CONFIG", file.toString()));
        ConsoleCapture.Captured started = capture(() -> Maestro.start(settings));

        String message = started.err();
        assertThat(started.status()).isEqualTo(2);
        assertThat(message).contains("the pipeline configuration is invalid, not starting")
                .contains(file + ":" + lineOf(bad, "colour: red") + ":5: runtimes.shell.colour: unknown key")
                .contains(file + ":" + lineOf(bad, "lava-lab") + ":")
                .contains("lava-lab");
        assertThat(dir.resolve("data").resolve("payara")).doesNotExist();
    }

    private static int lineOf(String text, String needle) throws IOException {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(needle)) {
                return i + 1;
            }
        }
        throw new IOException(needle + " is not in the text");
    }
}
