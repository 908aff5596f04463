package dev.maestro.launcher;

import static dev.maestro.launcher.ConsoleCapture.capture;
import static org.assertj.core.api.Assertions.assertThat;

import dev.maestro.pipeline.config.LavaConfig;
import dev.maestro.pipeline.config.PipelineConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
    void theExamplesLavaEntriesUncommentedAreValidWithTheirTokensAndCheckConfigNamesAMissingToken() throws IOException {
        Path file = dir.resolve("lava.yaml");
        Files.writeString(file, uncommentLava(Files.readString(EXAMPLE)));
        // check-config reads the launcher's own environment, which a test cannot set: the same check with the tokens given.
        Map<String, String> env = Map.of("MAESTRO_DATA_DIR", dir.resolve("data").toString(),
                "LAVA_LAB_TOKEN", "rest-t0ken", "LAVA_LAB_CALLBACK_TOKEN", "cb-s3cret");
        PipelineConfig config = PipelineConfigCheck.load(file, env);
        assertThat(config.jobs()).containsKey("lava-boot");
        assertThat(config.scheduler()).hasSize(4);
        LavaConfig lab = config.runtimes().get("lava-lab").lava().orElseThrow();
        assertThat(lab.token()).isEqualTo("rest-t0ken");
        assertThat(lab.callbackToken()).isEqualTo("cb-s3cret");
        assertThat(lab.callbackTokenName()).isEqualTo("maestro-callback");

        ConsoleCapture.Captured noToken = capture(() -> Maestro.checkConfig(LauncherSettings.fromEnvironment(
                Map.of("MAESTRO_DATA_DIR", dir.resolve("data").toString())), file));
        assertThat(noToken.status()).isEqualTo(2);
        assertThat(noToken.err()).contains("runtimes.lava-lab.token: environment variable LAVA_LAB_TOKEN is not set");
    }

    /** The example's commented-out LAVA entries (runtime, job, platform, scheduler entry), uncommented. */
    private static String uncommentLava(String example) {
        StringBuilder out = new StringBuilder();
        boolean inBlock = false;
        for (String line : example.split("\n", -1)) {
            String trimmed = line.stripLeading();
            boolean start = trimmed.startsWith("# lava-lab:") || trimmed.startsWith("# lava-boot:")
                    || trimmed.startsWith("# qemu-x86_64:") || trimmed.startsWith("# - job: lava-boot");
            inBlock = start || inBlock && trimmed.startsWith("#   ");
            out.append(inBlock ? line.replaceFirst("# ", "") : line).append('\n');
        }
        return out.toString();
    }

    @Test
    void theExamplesCommentedDockerRuntimeIsValidOnceUncommented() throws IOException {
        StringBuilder uncommented = new StringBuilder();
        boolean inDocker = false;
        for (String line : Files.readAllLines(EXAMPLE)) {
            inDocker = line.equals("  # docker:") || inDocker && line.startsWith("  #   ");
            uncommented.append(inDocker ? "  " + line.substring(4) : line).append('\n');
        }
        Path file = dir.resolve("docker.yaml");
        Files.writeString(file, uncommented);
        assertThat(uncommented).contains("\n  docker:\n    lab_type: docker\n").contains("\n    cpus: 2");
        LauncherSettings settings = LauncherSettings.fromEnvironment(Map.of("MAESTRO_DATA_DIR", dir.resolve("data").toString()));
        ConsoleCapture.Captured checked = capture(() -> Maestro.checkConfig(settings, file));
        assertThat(checked.status()).as(checked.err()).isZero();
        assertThat(checked.out()).contains(file + " is valid");
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
                .contains(file + ":" + lineOf(bad, "runtime: {name: lava-lab}") + ":")
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
