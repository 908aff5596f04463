package dev.maestro.pipeline.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobTemplatesTest {
    @TempDir
    Path tmp;

    @Test
    void builtInTemplatesAndThePreludeAreShipped() {
        JobTemplates templates = JobTemplates.builtIn();
        for (String name : JobTemplates.BUILT_IN) {
            assertThat(templates.exists(name)).as(name).isTrue();
            // Shell jobs report through the prelude's helpers; a LAVA definition through LAVA's callback.
            assertThat(templates.read(name)).as(name).contains(name.endsWith(".sh") ? "maestro_update" : "device_type:");
        }
        assertThat(templates.read(JobTemplates.PRELUDE)).contains("maestro_api()");
        assertThat(templates.directory()).isEmpty();
    }

    @Test
    void aTemplateBesideTheConfigurationWinsOverTheBuiltInOne() throws Exception {
        Files.createDirectories(tmp.resolve("templates"));
        Files.writeString(tmp.resolve("templates/kver.sh"), "echo my own kver\n");
        JobTemplates templates = JobTemplates.besideConfig(tmp.resolve("pipeline.yaml"));
        assertThat(templates.read("kver.sh")).isEqualTo("echo my own kver\n");
        assertThat(templates.read("tiny-tests.sh")).contains("tiny-tests");
        assertThat(templates.exists("missing.sh")).isFalse();
        assertThatThrownBy(() -> templates.read("missing.sh")).hasMessageContaining("No template named 'missing.sh' in "
                + tmp.resolve("templates"));
    }

    @Test
    void namesCannotReachOutsideTheTemplateDirectory() {
        JobTemplates templates = JobTemplates.besideConfig(tmp.resolve("pipeline.yaml"));
        assertThat(templates.exists("../pipeline.yaml")).isFalse();
        assertThat(templates.exists("/etc/passwd")).isFalse();
        assertThatThrownBy(() -> templates.read("../x")).isInstanceOf(IllegalArgumentException.class);
    }
}
