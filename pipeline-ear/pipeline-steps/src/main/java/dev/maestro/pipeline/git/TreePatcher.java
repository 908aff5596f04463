package dev.maestro.pipeline.git;

import dev.maestro.pipeline.process.CommandResult;
import dev.maestro.pipeline.process.CommandRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A commit's files unpacked in a scratch directory, patched with {@code git apply} and archived
 * again. Git runs with a repository of its own beside the tree ({@code --git-dir}), never one it
 * would discover in a parent directory (the data directory may sit inside a clone), and the tree
 * itself never holds a {@code .git}. The archive is made by git from the patched files (all of
 * them, ignored ones too), so modes are kept and nothing else gets in.
 */
public final class TreePatcher {
    private static final Duration UNPACK_LIMIT = Duration.ofMinutes(10);

    private final Git git;
    private final Path tree;
    private final Path repository;
    private final String name;

    private TreePatcher(Git git, Path tree, Path repository, String name) {
        this.git = git;
        this.tree = tree;
        this.repository = repository;
        this.name = name;
    }

    /**
     * Unpacks {@code commit} of {@code mirror} into {@code work/<name>} ({@code work} must be an
     * empty directory of the caller's).
     *
     * @throws GitException when the mirror cannot archive the commit
     */
    public static TreePatcher unpack(LocalMirror mirror, String commit, Path work, String name) {
        Path archive = work.resolve("base.tar.gz");
        mirror.archive(commit, name, archive);
        CommandResult untar = new CommandRunner(Map.of()).run(work, List.of("tar", "-xzf", archive.toString()), UNPACK_LIMIT);
        if (!untar.succeeded()) {
            throw new GitException("Cannot unpack " + commit + ": " + untar.stderr().strip());
        }
        try {
            Files.delete(archive);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove " + archive, e);
        }
        Path repository = work.resolve("patch.git");
        mirror.git().local(work, "init", "--quiet", "--bare", repository.toString());
        return new TreePatcher(mirror.git(), work.resolve(name), repository, name);
    }

    /** The unpacked files. */
    public Path tree() {
        return tree;
    }

    /** Applies {@code patch} (with {@code -p1}); empty when it applied, else git's reason. Nothing is changed when it does not apply. */
    public Optional<String> apply(Path patch) {
        CommandResult result = git.runLocal(tree, "--git-dir=" + repository, "--work-tree=.", "apply", "--whitespace=nowarn",
                patch.toAbsolutePath().toString());
        return result.succeeded() ? Optional.empty() : Optional.of(result.stderr().strip());
    }

    /** Archives the tree as it is now to {@code target} (tar.gz, every file under {@code <name>/}). */
    public void archive(Path target) {
        String[] withRepository = {"--git-dir=" + repository, "--work-tree=."};
        git.local(tree, concat(withRepository, "add", "--all", "--force"));
        String treeId = git.local(tree, concat(withRepository, "write-tree")).strip();
        git.local(tree, concat(withRepository, "archive", "--format=tar.gz", "--prefix=" + name + "/",
                "--output=" + target.toAbsolutePath(), treeId));
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = new String[first.length + more.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
