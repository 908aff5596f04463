package dev.maestro.system.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maestro.system.it.support.PipelineConfigFile;
import dev.maestro.system.it.support.SystemBackends;
import dev.maestro.testsupport.Poll;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The running pipeline re-reads its configuration file when it changes: a valid edit takes
 * effect without a restart (a build config added to the file is polled), an invalid edit is
 * reported with its file, line and key in {@code /pipeline/stats} while the last good
 * configuration stays in force, and putting the file right clears the report.
 */
public interface PipelineConfigReloadContract extends SystemContract {

    @Test
    default void anInvalidEditIsReportedWithItsPlaceAndTheLastGoodConfigurationStays() throws IOException {
        Path file = SystemBackends.itDir().resolve(PipelineConfigFile.FILE_NAME);
        String good = Files.readString(file);
        String bad = good.replace("    lab_type: shell\n", "    lab_type: shell\n    colour: red\n")
                .replace("runtime: {name: shell}", "runtime: {name: missing-lab}");
        int colourLine = List.of(bad.split("\n", -1)).indexOf("    colour: red") + 1;
        try {
            Files.writeString(file, bad);
            String problem = Poll.until("the edit to be rejected", WAIT, () -> steps().get("config_problem"),
                    p -> p != null).toString();
            assertThat(problem).contains(file + ":" + colourLine + ":5: runtimes.shell.colour: unknown key")
                    .contains("unknown runtime 'missing-lab'");
            assertThat(steps()).containsEntry("config", file.toString());
        } finally {
            Files.writeString(file, good);
        }
        Poll.until("the repaired file to be accepted", WAIT, () -> steps().get("config_problem") == null);
    }

    @Test
    default void aValidEditTakesEffectWithoutARestart() throws IOException {
        Path file = SystemBackends.itDir().resolve(PipelineConfigFile.FILE_NAME);
        String good = Files.readString(file);
        String extended = good.replace("build_configs:\n", "build_configs:\n  toy_next:\n    tree: toy\n    branch: next\n"
                + "    poll_period: 1s\n");
        assertThat(extended).isNotEqualTo(good);
        try {
            Files.writeString(file, extended);
            Object problem = Poll.until("the new build config to be polled", WAIT,
                    () -> PipelineTraceContract.map(steps().get("trigger")).get("toy_next"), entry -> entry != null);
            assertThat(PipelineTraceContract.map(problem).get("problem").toString()).contains("no branch next");
        } finally {
            Files.writeString(file, good);
        }
        Poll.until("the build config removed from the file to be forgotten", WAIT,
                () -> !PipelineTraceContract.map(steps().get("trigger")).containsKey("toy_next"));
    }

    private Map<String, Object> steps() {
        return PipelineTraceContract.map(pipeline().get("/stats").map().get("steps"));
    }
}
