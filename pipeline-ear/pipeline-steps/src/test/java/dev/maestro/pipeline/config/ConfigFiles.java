package dev.maestro.pipeline.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** A test's pipeline configuration: written as {@code pipeline.yaml} in its directory, then loaded or refused. */
public final class ConfigFiles {
    private final Path dir;

    public ConfigFiles(Path dir) {
        this.dir = dir;
    }

    /**
     * The smallest configuration that makes tarballs of one tree: file storage under the
     * directory, tree {@code toy} at {@code treeUrl} and its build config {@code toy_build} on
     * {@code branch}.
     */
    public static String toyTree(Object treeUrl, String branch) {
        return """
                storage:
                  local: {storage_type: filesystem, path: storage, base_url: "https://files.example.org/", api_url: "https://files.example.org"}
                trees:
                  toy: {url: "%s"}
                build_configs:
                  toy_build: {tree: toy, branch: "%s"}
                """.formatted(treeUrl, branch);
    }

    public Path write(String yaml) throws IOException {
        return Files.writeString(dir.resolve("pipeline.yaml"), yaml);
    }

    public PipelineConfig load(String yaml) throws IOException {
        return new ConfigLoader(Map.of()).load(write(yaml));
    }

    /** The message of the loader's refusal of {@code yaml}, which names the file. */
    String failure(String yaml) throws IOException {
        return failure(yaml, Map.of());
    }

    String failure(String yaml, Map<String, String> env) throws IOException {
        Path file = write(yaml);
        ConfigException e = assertThrows(ConfigException.class, () -> new ConfigLoader(env).load(file));
        assertThat(e.file()).isEqualTo(file);
        return e.getMessage();
    }
}
