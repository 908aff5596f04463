package dev.maestro.system.it.support;

import dev.maestro.files.Directories;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The kernel tree the pipeline watches in these tests, made with the real {@code git}: a bare
 * repository {@code toy.git} whose branch {@code main} holds a kernel-style top Makefile (6.1.0)
 * and {@code hello.c}, with no tag, and a work clone beside it from which tests push new commits.
 */
public final class FixtureRepo {
    private static final String MAKEFILE = """
            VERSION = 6
            PATCHLEVEL = 1
            SUBLEVEL = 0
            EXTRAVERSION =
            NAME = Toy

            hello: hello.c
            \t$(CC) -o $@ $<
            """;
    /** The program's source as the fixture starts: it prints a line (tiny-tests' prints-output passes). */
    public static final String HELLO = """
            #include <stdio.h>

            int main(int argc, char **argv)
            {
            \tprintf("hello from the toy tree (%d arguments)\\n", argc - 1);
            \treturn 0;
            }
            """;
    /**
     * Git's own configuration only: the machine's or the user's (a commit template, hooks,
     * signing, another default branch) must not change what the fixture is.
     */
    private static final Map<String, String> ISOLATED = Map.of("GIT_CONFIG_NOSYSTEM", "1", "GIT_CONFIG_GLOBAL", "/dev/null",
            "GIT_AUTHOR_NAME", "Maestro IT", "GIT_AUTHOR_EMAIL", "it@localhost",
            "GIT_COMMITTER_NAME", "Maestro IT", "GIT_COMMITTER_EMAIL", "it@localhost");

    private final Path bare;
    private final Path work;

    private FixtureRepo(Path dir) {
        this.bare = dir.resolve("toy.git");
        this.work = dir.resolve("toy-work");
    }

    /** The fixture made earlier in {@code dir} by {@link #create}. */
    public static FixtureRepo in(Path dir) {
        return new FixtureRepo(dir);
    }

    /** Makes the fixture in {@code dir} afresh: the bare repository with its first commit on main. */
    public static FixtureRepo create(Path dir) {
        Directories.fresh(dir);
        FixtureRepo repo = new FixtureRepo(dir);
        git(dir, "init", "--quiet", "--bare", "--initial-branch=main", repo.bare.toString());
        git(dir, "init", "--quiet", "--initial-branch=main", repo.work.toString());
        git(repo.work, "remote", "add", "origin", repo.bare.toString());
        try {
            Files.writeString(repo.work.resolve("Makefile"), MAKEFILE);
            Files.writeString(repo.work.resolve("hello.c"), HELLO);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the fixture tree", e);
        }
        repo.pushCommit("Toy tree 6.1");
        return repo;
    }

    /** Replaces the program's source ({@code hello.c}) with {@code source}, then {@link #pushCommit}s. */
    public String pushProgram(String source, String message) {
        try {
            Files.writeString(work.resolve("hello.c"), source);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write to the fixture's work clone", e);
        }
        return pushCommit(message);
    }

    /** Whether main's program is the original {@link #HELLO}. */
    public boolean hasOriginalProgram() {
        return HELLO.equals(git(bare, "show", "refs/heads/main:hello.c"));
    }

    /** The bare repository: the tree's URL in the pipeline configuration. */
    public Path bare() {
        return bare;
    }

    /**
     * Commits what the work clone holds plus a line in {@code CHANGES} (so that every commit has
     * a change), pushes it to main and returns its sha.
     */
    public String pushCommit(String message) {
        try {
            Files.writeString(work.resolve("CHANGES"), message + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write to the fixture's work clone", e);
        }
        git(work, "add", "--all");
        git(work, "commit", "--quiet", "--no-verify", "--message", message);
        git(work, "push", "--quiet", "origin", "main");
        return headSha();
    }

    /**
     * A patch series as a submitter makes it: each of {@code changes} (path → new content) is
     * committed on a throw-away branch of the work clone from {@code base}, the commits are
     * written out with {@code git format-patch --base} (so each series names its base commit, as
     * Patchwork passes it on), and the work clone goes back to main. Nothing is
     * pushed, so the pipeline never sees these commits.
     */
    public List<String> formatPatchSeries(String base, List<Map<String, String>> changes) {
        String branch = "series-" + System.nanoTime();
        git(work, "checkout", "--quiet", "-b", branch, base);
        try {
            for (int i = 0; i < changes.size(); i++) {
                for (Map.Entry<String, String> file : changes.get(i).entrySet()) {
                    Files.writeString(work.resolve(file.getKey()), file.getValue());
                }
                git(work, "add", "--all");
                git(work, "commit", "--quiet", "--no-verify", "--message", "Series change " + (i + 1));
            }
            Path out = Files.createTempDirectory(bare.getParent(), "series");
            git(work, "format-patch", "--quiet", "--base=" + base, "-" + changes.size(), "-o", out.toString());
            List<String> patches = new ArrayList<>();
            try (var files = Files.list(out)) {
                for (Path patch : files.sorted().toList()) {
                    patches.add(Files.readString(patch));
                }
            }
            Directories.deleteTree(out);
            return patches;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot make a patch series in the fixture's work clone", e);
        } finally {
            git(work, "checkout", "--quiet", "--force", "main");
            git(work, "branch", "--quiet", "-D", branch);
        }
    }

    /** The commit main points at in the bare repository, as the pipeline's {@code git ls-remote} sees it. */
    public String headSha() {
        return git(bare, "rev-parse", "refs/heads/main").trim();
    }

    /**
     * {@code git archive --format=tar.gz --prefix=<prefix>/ <commit>} of the bare repository: the
     * bytes the tarball step must have stored for that commit.
     */
    public byte[] archive(String commit, String prefix) {
        try {
            Path output = Files.createTempFile(bare.getParent(), "archive", ".tar.gz");
            try {
                git(bare, "archive", "--format=tar.gz", "--prefix=" + prefix + "/", "--output=" + output, commit);
                return Files.readAllBytes(output);
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot archive " + commit + " of the fixture", e);
        }
    }

    /** The tags of the bare repository (the fixture has none: the pipeline describes commits without one). */
    public List<String> tags() {
        return git(bare, "tag", "--list").lines().toList();
    }

    private static String git(Path dir, String... args) {
        List<String> cmd = new ArrayList<>(List.of("git", "-C", dir.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(cmd).redirectErrorStream(true);
        builder.environment().putAll(ISOLATED);
        try {
            Process p = builder.start();
            p.getOutputStream().close();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(1, TimeUnit.MINUTES) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", cmd) + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + String.join(" ", cmd), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
