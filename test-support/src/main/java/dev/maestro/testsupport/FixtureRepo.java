package dev.maestro.testsupport;

import dev.maestro.files.Directories;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A toy kernel tree made with the real {@code git} (the one {@code make-toy-tree.sh} makes for
 * {@code ./maestro}, of the same files: server-config's {@code src/main/config/toy-tree}, which
 * this module's build copies in): branch {@code main} holds a kernel-style top Makefile (6.1.0,
 * "Toy Tree") and {@code hello.c}, with no tag. Either a work repository alone ({@link #create}), whose
 * commits have fixed dates so that their ids are the same on every run, or ({@link #createPublished})
 * a bare repository {@code toy.git}, which the pipeline watches, with a work clone {@code toy-work}
 * beside it from which tests push.
 */
public final class FixtureRepo {
    /** The top Makefile as the fixture starts. */
    public static final String MAKEFILE = toyTreeFile("Makefile");
    /** The program's source as the fixture starts: it prints a line. */
    public static final String HELLO = toyTreeFile("hello.c");
    /**
     * Fixed identities and git's own configuration only: the machine's or the user's (a commit
     * template, hooks, signing, another default branch) must not change what the fixture is.
     */
    private static final Map<String, String> ISOLATED = Map.of("GIT_CONFIG_NOSYSTEM", "1", "GIT_CONFIG_GLOBAL", "/dev/null",
            "GIT_AUTHOR_NAME", "Fixture Author", "GIT_AUTHOR_EMAIL", "author@example.org",
            "GIT_COMMITTER_NAME", "Fixture Committer", "GIT_COMMITTER_EMAIL", "committer@example.org");
    private static final String FIRST_COMMIT = "Toy tree 6.1";

    private final Path work;
    /** The bare repository the work clone pushes to, or null for a work repository alone. */
    private final Path bare;
    private int datedCommits;

    private FixtureRepo(Path work, Path bare) {
        this.work = work;
        this.bare = bare;
    }

    /** A work repository in {@code dir} with one commit of the toy tree on {@code main}. */
    public static FixtureRepo create(Path dir) {
        FixtureRepo repo = new FixtureRepo(dir, null);
        git(dir.getParent(), null, "init", "--quiet", "--initial-branch=main", dir.toString());
        repo.commit(FIRST_COMMIT, toyTree());
        return repo;
    }

    /** Makes the published fixture in {@code dir} afresh: the bare repository with its first commit on main, and the work clone. */
    public static FixtureRepo createPublished(Path dir) {
        Directories.fresh(dir);
        FixtureRepo repo = published(dir);
        git(dir, null, "init", "--quiet", "--bare", "--initial-branch=main", repo.bare.toString());
        git(dir, null, "init", "--quiet", "--initial-branch=main", repo.work.toString());
        repo.git("remote", "add", "origin", repo.bare.toString());
        repo.write(toyTree());
        repo.pushCommit(FIRST_COMMIT);
        return repo;
    }

    /** The published fixture made earlier in {@code dir} by {@link #createPublished}. */
    public static FixtureRepo published(Path dir) {
        return new FixtureRepo(dir.resolve("toy-work"), dir.resolve("toy.git"));
    }

    /** The work repository. */
    public Path path() {
        return work;
    }

    public String fileUrl() {
        return work.toUri().toString();
    }

    /** Writes {@code files} (path → content) into the work repository, commits them with a fixed date, returns the commit id. */
    public String commit(String message, Map<String, String> files) {
        write(files);
        git("add", "--all");
        datedCommits++;
        String date = "2024-02-01T09:" + String.format("%02d", datedCommits) + ":00Z";
        git(work, date, "commit", "--quiet", "--no-verify", "--message", message);
        return head();
    }

    /** An annotated tag on the head, as kernel releases are tagged. */
    public void tag(String name) {
        git(work, "2024-02-01T10:00:00Z", "tag", "--annotate", "--message", name, name);
    }

    public void branch(String name) {
        git("branch", name);
    }

    /** The work repository's head commit. */
    public String head() {
        return git("rev-parse", "HEAD").strip();
    }

    /** Runs git in the work repository; returns its output, or fails if it fails. */
    public String git(String... args) {
        return git(work, null, args);
    }

    /** The bare repository: the tree's URL in the pipeline configuration. */
    public Path bare() {
        return published();
    }

    /** Replaces the program's source ({@code hello.c}) with {@code source}, then {@link #pushCommit}s. */
    public String pushProgram(String source, String message) {
        write(Map.of("hello.c", source));
        return pushCommit(message);
    }

    /** Whether main's program is the original {@link #HELLO}. */
    public boolean hasOriginalProgram() {
        return HELLO.equals(git(published(), null, "show", "refs/heads/main:hello.c"));
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
        git("add", "--all");
        git("commit", "--quiet", "--no-verify", "--message", message);
        git("push", "--quiet", "origin", "main");
        return headSha();
    }

    /** The commit main points at in the bare repository, as the pipeline's {@code git ls-remote} sees it. */
    public String headSha() {
        return git(published(), null, "rev-parse", "refs/heads/main").strip();
    }

    /** The tags of the bare repository (the fixture has none: the pipeline describes commits without one). */
    public List<String> tags() {
        return git(published(), null, "tag", "--list").lines().toList();
    }

    /**
     * A patch series as a submitter makes it: each of {@code changes} (path → new content) is
     * committed on a throw-away branch of the work repository from {@code base}, the commits are
     * written out with {@code git format-patch --base} (so each series names its base commit, as
     * Patchwork passes it on), and the work repository goes back to main. Nothing is pushed, so
     * the pipeline never sees these commits.
     */
    public List<String> formatPatchSeries(String base, List<Map<String, String>> changes) {
        String branch = "series-" + System.nanoTime();
        git("checkout", "--quiet", "-b", branch, base);
        try {
            for (int i = 0; i < changes.size(); i++) {
                write(changes.get(i));
                git("add", "--all");
                git("commit", "--quiet", "--no-verify", "--message", "Series change " + (i + 1));
            }
            Path out = Files.createTempDirectory(work.getParent(), "series");
            git("format-patch", "--quiet", "--base=" + base, "-" + changes.size(), "-o", out.toString());
            List<String> patches = new ArrayList<>();
            try (var files = Files.list(out)) {
                for (Path patch : files.sorted().toList()) {
                    patches.add(Files.readString(patch));
                }
            }
            Directories.deleteTree(out);
            return patches;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot make a patch series in the fixture's work repository", e);
        } finally {
            git("checkout", "--quiet", "--force", "main");
            git("branch", "--quiet", "-D", branch);
        }
    }

    /** {@code git archive --format=tar.gz --prefix=<prefix>/ <commit>}: the bytes a tarball of that commit must hold. */
    public byte[] archive(String commit, String prefix) {
        try {
            Path output = Files.createTempFile(work.getParent(), "archive", ".tar.gz");
            try {
                git("archive", "--format=tar.gz", "--prefix=" + prefix + "/", "--output=" + output, commit);
                return Files.readAllBytes(output);
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot archive " + commit + " of the fixture", e);
        }
    }

    private Path published() {
        if (bare == null) {
            throw new IllegalStateException("This fixture has no bare repository: make it with createPublished");
        }
        return bare;
    }

    private static String toyTreeFile(String name) {
        try (InputStream in = FixtureRepo.class.getResourceAsStream("toy-tree/" + name)) {
            if (in == null) {
                throw new IllegalStateException("toy-tree/" + name + " is not on the class path (test-support's build copies it)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the toy tree's " + name, e);
        }
    }

    private static Map<String, String> toyTree() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("Makefile", MAKEFILE);
        files.put("hello.c", HELLO);
        return files;
    }

    private void write(Map<String, String> files) {
        try {
            for (Map.Entry<String, String> f : files.entrySet()) {
                Path file = work.resolve(f.getKey());
                Files.createDirectories(file.getParent());
                Files.writeString(file, f.getValue(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write to the fixture's work repository", e);
        }
    }

    /** Runs git in {@code dir}, with author and committer dates {@code date} unless null (then: now); returns its output. */
    private static String git(Path dir, String date, String... args) {
        List<String> cmd = new ArrayList<>(List.of("git"));
        cmd.addAll(List.of(args));
        try {
            Path errors = Files.createTempFile("fixture-git", ".err");
            try {
                ProcessBuilder builder = new ProcessBuilder(cmd).directory(dir.toFile())
                        .redirectError(ProcessBuilder.Redirect.to(errors.toFile()));
                builder.environment().putAll(ISOLATED);
                if (date != null) {
                    builder.environment().put("GIT_AUTHOR_DATE", date);
                    builder.environment().put("GIT_COMMITTER_DATE", date);
                }
                Process p = builder.start();
                p.getOutputStream().close();
                String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!p.waitFor(1, TimeUnit.MINUTES) || p.exitValue() != 0) {
                    p.destroyForcibly();
                    throw new AssertionError(String.join(" ", cmd) + " in " + dir + " failed: " + Files.readString(errors));
                }
                return output;
            } finally {
                Files.deleteIfExists(errors);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + String.join(" ", cmd), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
