package dev.maestro.pipeline.git;

import dev.maestro.files.Directories;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * A bare mirror ({@code git clone --mirror}) of one tree, kept under the pipeline's data
 * directory. Fetches are exclusive; reads (describe, archive, files) may run side by side.
 * Get instances from {@link MirrorStore}, which hands out one per tree.
 */
public final class LocalMirror {
    private static final Logger LOG = Logger.getLogger(LocalMirror.class.getName());

    private final Git git;
    private final Path directory;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private volatile String url;

    LocalMirror(Git git, Path directory, String url) {
        this.git = git;
        this.directory = directory;
        this.url = url;
    }

    Git git() {
        return git;
    }

    public Path directory() {
        return directory;
    }

    public String url() {
        return url;
    }

    void retarget(String newUrl) {
        url = newUrl;
    }

    /**
     * Brings the mirror up to date with its remote: clones it on first use, fetches (with prune)
     * afterwards. A fetch that fails is retried once on a fresh clone, because a damaged mirror
     * (an interrupted fetch, a lock left behind) is the usual cause.
     */
    public void update() {
        lock.writeLock().lock();
        try {
            if (!Files.isDirectory(directory)) {
                cloneFresh();
                return;
            }
            try {
                git.local(directory, "remote", "set-url", "origin", url);
                git.network(directory, "fetch", "--prune", "--quiet", "origin");
            } catch (GitException first) {
                LOG.warning("Fetch into " + directory + " failed, cloning afresh: " + first.getMessage());
                Directories.deleteTree(directory);
                cloneFresh();
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** The full id of {@code commit} (which may be abbreviated), if the mirror has it. */
    public Optional<String> resolveCommit(String commit) {
        String object = GitNames.requireCommit(commit) + "^{commit}";
        return read(() -> git.test(directory, "cat-file", "-e", object)
                ? Optional.of(git.local(directory, "rev-parse", "--verify", object).strip())
                : Optional.<String>empty());
    }

    /** {@code git describe --always}: the nearest annotated tag, or the abbreviated commit id when there is none. */
    public String describe(String commit) {
        return read(() -> git.local(directory, "describe", "--always", GitNames.requireCommit(commit)).strip());
    }

    /** The content of {@code path} at {@code commit}, or empty when the commit has no such file. */
    public Optional<String> readFile(String commit, String path) {
        String object = GitNames.requireCommit(commit) + ":" + path;
        return read(() -> git.test(directory, "cat-file", "-e", object)
                ? Optional.of(git.local(directory, "cat-file", "blob", object))
                : Optional.<String>empty());
    }

    /** The version declared by the Makefile at {@code commit}, when there is a kernel-style one. */
    public Optional<KernelVersion> kernelVersion(String commit) {
        return readFile(commit, "Makefile").flatMap(KernelVersion::fromMakefile);
    }

    public List<String> tagsPointingAt(String commit) {
        return read(() -> git.local(directory, "tag", "--points-at", GitNames.requireCommit(commit)).lines().toList());
    }

    public String commitMessage(String commit) {
        return read(() -> git.local(directory, "show", "-s", "--format=%B", GitNames.requireCommit(commit)).strip());
    }

    /** The commit the mirror's {@code branch} points at, if the branch exists. */
    public Optional<String> branchHead(String branch) {
        String ref = "refs/heads/" + GitNames.requireBranch(branch);
        return read(() -> git.test(directory, "show-ref", "--verify", "--quiet", ref)
                ? Optional.of(git.local(directory, "rev-parse", ref).strip())
                : Optional.<String>empty());
    }

    /**
     * Writes {@code git archive --format=tar.gz --prefix=<prefix>/ <commit>} to {@code target}
     * (through a temporary file, so that a reader never sees half an archive).
     */
    public void archive(String commit, String prefix, Path target) {
        String id = GitNames.requireCommit(commit);
        read(() -> {
            try {
                Path partial = Files.createTempFile(target.toAbsolutePath().getParent(), ".archive", ".partial");
                try {
                    git.local(directory, "archive", "--format=tar.gz", "--prefix=" + prefix + "/",
                            "--output=" + partial.toAbsolutePath(), id);
                    Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } finally {
                    Files.deleteIfExists(partial);
                }
                return null;
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write the archive " + target, e);
            }
        });
    }

    private <T> T read(Supplier<T> action) {
        lock.readLock().lock();
        try {
            return action.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Clones next to the final place and renames, so a half-made clone never looks like a mirror. */
    private void cloneFresh() {
        Path parent = directory.toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
            Path partial = Files.createTempDirectory(parent, "." + directory.getFileName() + ".clone");
            try {
                git.network(parent, "clone", "--mirror", "--quiet", "--", url, partial.toString());
                Files.move(partial, directory, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Directories.deleteTree(partial);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the mirror " + directory, e);
        }
    }

}
