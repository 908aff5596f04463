package dev.maestro.pipeline.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigWatcherTest {
    @TempDir
    Path dir;

    private final ConfigLoader loader = new ConfigLoader(Map.of());

    private Path write(String yaml) throws IOException {
        return Files.writeString(dir.resolve("pipeline.yaml"), yaml);
    }

    @Test
    void anInvalidFileFailsTheStart() throws IOException {
        Path file = write(ConfigLoaderTest.VALID.replace("lab_type: shell", "lab_typ: shell"));
        assertThatThrownBy(() -> ConfigWatcher.open(file, loader))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(file + ":")
                .hasMessageContaining("runtimes.shell.lab_typ: unknown key");
    }

    @Test
    void reloadsWhenTheContentChanges() throws IOException {
        Path file = write(ConfigLoaderTest.VALID);
        ConfigWatcher watcher = ConfigWatcher.open(file, loader);
        PipelineConfig first = watcher.current();
        assertThat(watcher.refresh()).isEqualTo(ConfigWatcher.Outcome.UNCHANGED);
        assertThat(watcher.current()).isSameAs(first);

        write(ConfigLoaderTest.VALID.replace("timeout: 10m", "timeout: 20m"));
        assertThat(watcher.refresh()).isEqualTo(ConfigWatcher.Outcome.RELOADED);
        assertThat(watcher.current().runtimes().get("shell").timeout()).isEqualTo(Duration.ofMinutes(20));
        assertThat(watcher.refresh()).isEqualTo(ConfigWatcher.Outcome.UNCHANGED);
    }

    @Test
    void keepsTheLastGoodConfigurationWhileTheFileIsInvalid() throws IOException {
        Path file = write(ConfigLoaderTest.VALID);
        ConfigWatcher watcher = ConfigWatcher.open(file, loader);
        PipelineConfig good = watcher.current();

        write(ConfigLoaderTest.VALID.replace("runtime: {type: shell}", "runtime: {name: nowhere}"));
        assertThat(watcher.refresh()).isEqualTo(ConfigWatcher.Outcome.REJECTED);
        assertThat(watcher.current()).isSameAs(good);
        assertThat(watcher.lastError()).get().extracting(Throwable::getMessage).asString()
                .contains("scheduler[0].runtime.name: unknown runtime 'nowhere'");
        assertThat(watcher.refresh()).as("the same bad content is reported once").isEqualTo(ConfigWatcher.Outcome.UNCHANGED);

        write(ConfigLoaderTest.VALID.replace("poll_period: 30s", "poll_period: 45s"));
        assertThat(watcher.refresh()).isEqualTo(ConfigWatcher.Outcome.RELOADED);
        assertThat(watcher.lastError()).isEmpty();
        assertThat(watcher.current().buildConfigs().get("toy_main").pollPeriod()).isEqualTo(Duration.ofSeconds(45));
    }

    @Test
    void aDeletedFileIsRejectedAndItsReturnReloads() throws IOException {
        Path file = write(ConfigLoaderTest.VALID);
        ConfigWatcher watcher = ConfigWatcher.open(file, loader);
        Files.delete(file);
        assertThat(watcher.refresh()).isEqualTo(ConfigWatcher.Outcome.REJECTED);
        assertThat(watcher.lastError()).get().extracting(Throwable::getMessage).asString().contains("cannot read the file");
        assertThat(watcher.current()).isNotNull();
        write(ConfigLoaderTest.VALID);
        assertThat(watcher.refresh()).isEqualTo(ConfigWatcher.Outcome.RELOADED);
        assertThat(watcher.lastError()).isEmpty();
    }
}
