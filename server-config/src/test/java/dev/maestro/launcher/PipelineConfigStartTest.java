package dev.maestro.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bad pipeline configuration stops {@code ./maestro start} before anything is started, with
 * the loader's file:line:column: key messages; the shipped example passes the same check.
 */
class PipelineConfigStartTest {
    private static final Path EXAMPLE = Path.of("src/main/config/pipeline.yaml").toAbsolutePath();

    @TempDir
    Path dir;

    @Test
    void theShippedExampleIsValid() {
        assertThat(PipelineConfigCheck.problem(EXAMPLE, Map.of("MAESTRO_DATA_DIR", dir.toString()))).isEmpty();
    }

    @Test
    void anUnknownKeyAndAMissingRuntimeStopTheStartWithTheirPlaces() throws Exception {
        String example = Files.readString(EXAMPLE);
        String bad = example.replace("    lab_type: shell\n", "    lab_type: shell\n    colour: red\n")
                .replace("runtime: {name: shell}", "runtime: {name: lava-lab}");
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, bad);

        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream original = System.err;
        int status;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            status = Maestro.start(LauncherSettings.fromEnvironment(Map.of("MAESTRO_DATA_DIR", dir.resolve("data").toString(),
                    "MAESTRO_PIPELINE_CONFIG", file.toString())));
        } finally {
            System.setErr(original);
        }

        String message = err.toString(StandardCharsets.UTF_8);
        assertThat(status).isEqualTo(2);
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
