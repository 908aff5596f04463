package dev.maestro.pipeline.results;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maestro.pipeline.config.ConfigLoader;
import dev.maestro.pipeline.config.PipelineConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The submitter gets the report only when the patchset's Patchwork project opted in. */
class PatchsetSubmitterTest {
    @TempDir
    Path dir;

    @Test
    void theSubmitterOfAnOptedInProjectIsARecipient() throws IOException {
        PipelineConfig config = config();
        assertThat(PatchsetSubmitter.optedIn(node("mailing"), config)).contains("ann@example.org");
    }

    @Test
    void nobodyIsAddedOtherwise() throws IOException {
        PipelineConfig config = config();
        assertThat(PatchsetSubmitter.optedIn(node("quiet"), config)).isEmpty();
        assertThat(PatchsetSubmitter.optedIn(node("gone"), config)).isEmpty();
        assertThat(PatchsetSubmitter.optedIn(Map.of("kind", "checkout", "data", Map.of()), config)).isEmpty();
        assertThat(PatchsetSubmitter.optedIn(Map.of("kind", "checkout"), config)).isEmpty();
    }

    private PipelineConfig config() throws IOException {
        Path file = dir.resolve("pipeline.yaml");
        Files.writeString(file, """
                storage:
                  local: {storage_type: filesystem, path: storage, base_url: "http://127.0.0.1/s/", api_url: "http://127.0.0.1/s"}
                trees:
                  toy: {url: toy.git}
                build_configs:
                  toy_main: {tree: toy, branch: main}
                patchwork:
                  mailing: {url: "https://pw.example.org", project: toy, token_env: T, build_config: toy_main, mail_submitter: true}
                  quiet: {url: "https://pw.example.org", project: toy, token_env: T, build_config: toy_main}
                """);
        return new ConfigLoader(Map.of()).load(file);
    }

    private static Map<String, Object> node(String project) {
        return Map.of("kind", "checkout", "name", "patchset", "data", Map.of("patchset",
                Map.of("submitter_name", "Ann", "submitter_email", "ann@example.org", "project", project)));
    }
}
