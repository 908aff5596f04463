package dev.maestro.pipeline.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** A test's pipeline configuration: written as {@code pipeline.yaml} in its directory, then loaded or refused. */
final class ConfigFiles {
    private final Path dir;

    ConfigFiles(Path dir) {
        this.dir = dir;
    }

    Path write(String yaml) throws IOException {
        return Files.writeString(dir.resolve("pipeline.yaml"), yaml);
    }

    PipelineConfig load(String yaml) throws IOException {
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
