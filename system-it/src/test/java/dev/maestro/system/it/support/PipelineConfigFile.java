package dev.maestro.system.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the pipeline configuration the server under test loads ({@code MAESTRO_PIPELINE_CONFIG}),
 * in the shapes of server-config's example with concrete values: the fixture tree polled every
 * 2 s, the example jobs made quick (tiny-tests all pass, as in the example, until a commit
 * changes the program), two misbehaving jobs (one exits non-zero, one hangs past its
 * 6 s limit) and one that passes, whose templates go to {@code templates/} beside the file, where
 * the pipeline looks for templates first. Its {@code reports} section is the example's own, copied
 * from the example file ({@code it.example.config}), so the tests prove what the example ships.
 */
public final class PipelineConfigFile {
    public static final String FILE_NAME = "pipeline.yaml";

    private static final String CONFIG = """
            storage:
              local:
                storage_type: filesystem
                path: %1$s/system-data/storage
                base_url: http://127.0.0.1:%2$d/pipeline/storage/
                api_url: http://127.0.0.1:%2$d/pipeline/storage

            trees:
              toy:
                url: %3$s

            build_configs:
              toy_main:
                tree: toy
                branch: main
                poll_period: 2s
                architectures: [x86_64]
                holdoff: 5s
                timeout: 30m

            jobs:
              kver:
                kind: test
                template: kver.sh
                kcidb_test_suite: kernelci_kver
              kbuild-tiny:
                kind: kbuild
                template: kbuild-tiny.sh
                params:
                  arch: x86_64
                  compiler: gcc
                  defconfig: tinyconfig
                  source: hello.c
                  holdoff_minutes: 0
                  job_timeout: 2
              tiny-tests:
                kind: job
                template: tiny-tests.sh
                kcidb_test_suite: tiny_tests
                params:
                  fail_case: ""
              exits-nonzero:
                kind: job
                template: exit-nonzero.sh
              hangs:
                kind: job
                template: hang.sh
                params:
                  job_timeout: 0.1
              passes:
                kind: job
                template: passes.sh

            platforms:
              shell: {}

            runtimes:
              shell:
                lab_type: shell
                timeout: 5m

            scheduler:
              - job: kver
                event: {channel: node, kind: checkout, state: available, owner: maestro-pipeline}
                runtime: {type: shell}
              - job: kbuild-tiny
                event: {channel: node, kind: checkout, state: available, owner: maestro-pipeline}
                runtime: {name: shell}
              - job: tiny-tests
                event: {channel: node, kind: kbuild, state: available, name: kbuild-tiny}
                runtime: {type: shell}
                platforms: [shell]
              - job: exits-nonzero
                event: {channel: node, kind: kbuild, state: available, name: kbuild-tiny}
                runtime: {type: shell}
                platforms: [shell]
              - job: hangs
                event: {channel: node, kind: kbuild, state: available, name: kbuild-tiny}
                runtime: {type: shell}
                platforms: [shell]
              - job: passes
                event: {channel: node, kind: kbuild, state: available, name: kbuild-tiny}
                runtime: {type: shell}
                platforms: [shell]

            """;

    private PipelineConfigFile() {
    }

    /** Writes {@code dir/pipeline.yaml} and its three templates; returns the file. */
    public static Path write(Path dir, int httpPort, Path tree) {
        try {
            Path templates = Files.createDirectories(dir.resolve("templates"));
            Files.writeString(templates.resolve("exit-nonzero.sh"), "# exits-nonzero: a job that fails at once.\nexit 3\n");
            Files.writeString(templates.resolve("hang.sh"), "# hangs: a job that outlives its time limit.\nsleep 600\n");
            Files.writeString(templates.resolve("passes.sh"), "# passes: a job that passes.\n"
                    + "maestro_update '{\"state\":\"done\",\"result\":\"pass\"}'\n");
            return Files.writeString(dir.resolve(FILE_NAME), CONFIG.formatted(dir, httpPort, tree) + exampleReports());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the pipeline configuration in " + dir, e);
        }
    }

    /** The example's {@code reports} section, as it stands in the example file: its last top-level key and the lines under it. */
    private static String exampleReports() throws IOException {
        Path example = Path.of(System.getProperty("it.example.config"));
        List<String> lines = Files.readAllLines(example);
        int start = lines.indexOf("reports:");
        if (start < 0) {
            throw new IllegalStateException(example + " has no top-level reports section");
        }
        List<String> section = new ArrayList<>();
        section.add(lines.get(start));
        for (String line : lines.subList(start + 1, lines.size())) {
            if (!line.isEmpty() && !line.startsWith(" ") && !line.startsWith("#")) {
                break;
            }
            section.add(line);
        }
        return String.join("\n", section) + "\n";
    }
}
