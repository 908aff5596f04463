package dev.maestro.system.it.support;

import dev.maestro.testsupport.DockerDaemon;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
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
 * the pipeline looks for templates first. A {@code docker} runtime runs three more jobs when a node
 * named {@link #DOCKER_PROBE} is made: one reports from its container, one hangs, one names an
 * image the Docker host does not have. Its {@code reports} section is the example's own, copied
 * from the example file ({@code it.example.config}), so the tests prove what the example ships.
 * A LAVA runtime points at the test's fake lab; only kbuild nodes named {@code lava-kbuild}
 * (which the LAVA contract creates) send a job there.
 */
public final class PipelineConfigFile {
    public static final String FILE_NAME = "pipeline.yaml";
    /** The name of the node whose creation ({@code kind: node}, {@code available}) runs the docker jobs. */
    public static final String DOCKER_PROBE = "docker-probe";

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
              lava-boot:
                kind: job
                template: lava-qemu-boot.yaml
                kcidb_test_suite: boot
                params:
                  qemu_arch: amd64
                  ramdisk_url: http://files.example/rootfs.cpio.gz
              docker-passes:
                kind: job
                template: docker-passes.sh
                image: %4$s
              docker-hangs:
                kind: job
                template: hang.sh
                image: %4$s
                params:
                  job_timeout: 0.1
              docker-no-image:
                kind: job
                template: passes.sh
                image: maestro-no-such-image:1

            platforms:
              shell: {}
              qemu-x86_64: {arch: x86_64, boot_method: qemu, mach: qemu, base_name: qemu}
              docker: {}

            runtimes:
              shell:
                lab_type: shell
                timeout: 5m
              lava-lab:
                lab_type: lava
                url: %6$s
                token: lava-rest-t0ken
                callback_token: lava-callback-s3cret
                notify: {callback: {token: maestro-callback}}
                queue_timeout: 1h
              docker:
                lab_type: docker
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
              # Only the LAVA contract's own builds (named lava-kbuild) go to the lab.
              - job: lava-boot
                event: {channel: node, kind: kbuild, state: available, name: lava-kbuild}
                runtime: {name: lava-lab}
                platforms: [qemu-x86_64]
              - job: docker-passes
                event: {channel: node, kind: node, name: %5$s, state: available}
                runtime: {type: docker}
              - job: docker-hangs
                event: {channel: node, kind: node, name: %5$s, state: available}
                runtime: {type: docker}
              - job: docker-no-image
                event: {channel: node, kind: node, name: %5$s, state: available}
                runtime: {name: docker}

            """;

    private PipelineConfigFile() {
    }

    /** Writes {@code dir/pipeline.yaml} and its three templates, with a LAVA runtime at {@code lava}; returns the file. */
    public static Path write(Path dir, int httpPort, Path tree, URI lava) {
        try {
            Path templates = Files.createDirectories(dir.resolve("templates"));
            Files.writeString(templates.resolve("exit-nonzero.sh"), "# exits-nonzero: a job that fails at once.\nexit 3\n");
            Files.writeString(templates.resolve("hang.sh"), "# hangs: a job that outlives its time limit.\nsleep 600\n");
            Files.writeString(templates.resolve("passes.sh"), "# passes: a job that passes.\n"
                    + "maestro_update '{\"state\":\"done\",\"result\":\"pass\"}'\n");
            Files.writeString(templates.resolve("docker-passes.sh"), """
                    # docker-passes: reports from its container, with an artifact uploaded to the storage.
                    echo "docker-passes: in $(pwd) as uid $(id -u)"
                    echo "made in a container" > made.txt
                    made=$(maestro_upload made.txt)
                    maestro_update "{\\"state\\":\\"done\\",\\"result\\":\\"pass\\",\\"artifacts\\":{\\"made\\":\\"$made\\"}}"
                    """);
            return Files.writeString(dir.resolve(FILE_NAME), CONFIG.formatted(dir, httpPort, tree, DockerDaemon.JOB_IMAGE,
                    DOCKER_PROBE, lava) + exampleReports());
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
