package dev.maestro.pipeline.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maestro.pipeline.process.CommandResult;
import dev.maestro.pipeline.process.CommandRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A real git repository made for a test: a toy kernel tree with a Makefile declaring
 * 6.1.0 and a tiny C program, committed on branch {@code main} with fixed identities and dates
 * so that its commit ids are the same on every run.
 */
public final class FixtureRepo {
    public static final String MAKEFILE = """
            # SPDX-License-Identifier: GPL-2.0
            VERSION = 6
            PATCHLEVEL = 1
            SUBLEVEL = 0
            EXTRAVERSION =
            NAME = Toy Tree

            all:
            \tcc -o hello hello.c
            """;
    public static final String HELLO_C = """
            #include <stdio.h>

            int main(int argc, char **argv)
            {
            \tprintf("hello from the toy tree (%d arguments)\\n", argc - 1);
            \treturn 0;
            }
            """;

    /** Fixed identities, and no system or user configuration (signing, hooks, default branch). */
    private static final Map<String, String> ENVIRONMENT = Map.of(
            "GIT_AUTHOR_NAME", "Fixture Author", "GIT_AUTHOR_EMAIL", "author@example.org",
            "GIT_COMMITTER_NAME", "Fixture Committer", "GIT_COMMITTER_EMAIL", "committer@example.org",
            "GIT_CONFIG_NOSYSTEM", "1", "GIT_CONFIG_GLOBAL", "/dev/null");

    private final Path dir;
    private int commits;

    private FixtureRepo(Path dir) {
        this.dir = dir;
    }

    /** A repository with one commit of the toy tree on {@code main}, and no tag. */
    public static FixtureRepo create(Path dir) {
        FixtureRepo repo = new FixtureRepo(dir);
        repo.git("init", "--quiet", "--initial-branch=main", dir.toString());
        repo.commit("Toy tree 6.1", Map.of("Makefile", MAKEFILE, "hello.c", HELLO_C));
        return repo;
    }

    public Path path() {
        return dir;
    }

    public String fileUrl() {
        return dir.toUri().toString();
    }

    /** Writes {@code files} (path → content), commits them, returns the new commit id. */
    public String commit(String message, Map<String, String> files) {
        try {
            for (Map.Entry<String, String> f : files.entrySet()) {
                Path file = dir.resolve(f.getKey());
                Files.createDirectories(file.getParent());
                Files.writeString(file, f.getValue(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        git("-C", dir.toString(), "add", "--all");
        commits++;
        String date = "2024-02-01T09:" + String.format("%02d", commits) + ":00Z";
        gitAt(date, "-C", dir.toString(), "commit", "--quiet", "--message", message);
        return head();
    }

    /** An annotated tag on the head, as kernel releases are tagged. */
    public void tag(String name) {
        gitAt("2024-02-01T10:00:00Z", "-C", dir.toString(), "tag", "--annotate", "--message", name, name);
    }

    public void branch(String name) {
        git("-C", dir.toString(), "branch", name);
    }

    public String head() {
        return git("-C", dir.toString(), "rev-parse", "HEAD").strip();
    }

    /** {@code git archive} of this repository itself, straight to memory. */
    public byte[] archive(String commit, String prefix) {
        try {
            Path out = Files.createTempFile("fixture-archive", ".tar.gz");
            try {
                git("-C", dir.toString(), "archive", "--format=tar.gz", "--prefix=" + prefix + "/",
                        "--output=" + out, commit);
                return Files.readAllBytes(out);
            } finally {
                Files.delete(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String git(String... args) {
        return gitAt(null, args);
    }

    private String gitAt(String date, String... args) {
        Map<String, String> env = new HashMap<>(ENVIRONMENT);
        if (date != null) {
            env.put("GIT_AUTHOR_DATE", date);
            env.put("GIT_COMMITTER_DATE", date);
        }
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        CommandResult result = new CommandRunner(env)
                .run(Path.of(System.getProperty("java.io.tmpdir")), command, Duration.ofSeconds(60));
        assertThat(result.exitCode()).as("%s failed: %s", command, result.stderr()).isZero();
        return result.stdout();
    }
}
