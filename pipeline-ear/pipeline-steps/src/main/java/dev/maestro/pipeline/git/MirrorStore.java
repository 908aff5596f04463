package dev.maestro.pipeline.git;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The directory of tree mirrors ({@code <root>/<tree name>.git}). It hands out one
 * {@link LocalMirror} per tree name, so that every caller in this server shares its lock.
 */
public final class MirrorStore {
    private static final Pattern TREE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private final Git git;
    private final Path root;
    private final Map<String, LocalMirror> mirrors = new ConcurrentHashMap<>();

    public MirrorStore(Git git, Path root) {
        this.git = git;
        this.root = root.toAbsolutePath().normalize();
    }

    /** The mirror of tree {@code tree}, fetching from {@code url} from now on (a tree's URL may change). */
    public LocalMirror mirror(String tree, String url) {
        if (!TREE_NAME.matcher(tree).matches()) {
            throw new GitException("'" + tree + "' cannot name a mirror: use letters, digits and . _ -");
        }
        GitNames.requireRemote(url);
        LocalMirror mirror = mirrors.computeIfAbsent(tree, t -> new LocalMirror(git, root.resolve(t + ".git"), url));
        mirror.retarget(url);
        return mirror;
    }
}
