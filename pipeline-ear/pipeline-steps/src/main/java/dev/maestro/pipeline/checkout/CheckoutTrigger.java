package dev.maestro.pipeline.checkout;

import dev.maestro.node.Node;
import dev.maestro.node.query.NodeCriteria;
import dev.maestro.pipeline.config.BuildConfig;
import dev.maestro.pipeline.config.TreeConfig;
import dev.maestro.pipeline.git.Git;
import dev.maestro.pipeline.git.GitException;
import dev.maestro.pipeline.git.LocalMirror;
import dev.maestro.pipeline.git.MirrorStore;
import dev.maestro.time.Timestamps;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The trigger's work for one build config, between the node queries its timer makes:
 * <ol>
 * <li>{@link #headCommit}: {@code git ls-remote} the branch;</li>
 * <li>the caller counts checkouts matching {@link #existingCheckout} and stops if there is one;</li>
 * <li>{@link #revision}: fetch the commit into the tree's mirror and describe it;</li>
 * <li>the caller creates {@link #checkoutNode}.</li>
 * </ol>
 */
public final class CheckoutTrigger {
    private static final String KIND = "checkout";
    private final Git git;
    private final MirrorStore mirrors;

    public CheckoutTrigger(Git git, MirrorStore mirrors) {
        this.git = git;
        this.mirrors = mirrors;
    }

    /**
     * The commit at the head of the build config's branch, or empty when the branch does not exist.
     *
     * @throws dev.maestro.pipeline.git.GitException when the remote cannot be reached
     */
    public Optional<String> headCommit(TreeConfig tree, BuildConfig buildConfig) {
        return git.remoteHead(tree.url(), buildConfig.branch());
    }

    /**
     * Fetches the tree into its mirror and describes {@code commit}: describe, Makefile version
     * (when there is a kernel-style Makefile), tags, message, whether it is the branch's tip.
     *
     * @throws dev.maestro.pipeline.git.GitException when the fetch fails or the commit is not there
     */
    public KernelRevision revision(TreeConfig tree, BuildConfig buildConfig, String commit) {
        return fetchedRevision(tree, buildConfig, commit).orElseThrow(() -> new GitException("Commit " + commit
                + " is not in " + tree.url() + " (after fetching all its branches and tags)"));
    }

    /**
     * Like {@link #revision}, but a commit the tree does not have is an empty answer rather than
     * an error, so a caller can tell it from a tree it cannot fetch.
     *
     * @throws dev.maestro.pipeline.git.GitException when the fetch fails
     */
    public Optional<KernelRevision> fetchedRevision(TreeConfig tree, BuildConfig buildConfig, String commit) {
        LocalMirror mirror = mirrors.mirror(tree.name(), tree.url());
        mirror.update();
        return mirror.resolveCommit(commit).map(full -> RevisionReader.read(mirror, tree.name(), buildConfig.branch(), full));
    }

    /**
     * The query that finds an existing checkout of this commit of this tree and branch. A
     * checkout narrowed by a {@code jobfilter} (a custom checkout through the service API) runs
     * only some jobs, so it does not count: the trigger still makes the full one.
     */
    public static NodeCriteria existingCheckout(TreeConfig tree, BuildConfig buildConfig, String commit) {
        return NodeCriteria.where()
                .eq("kind", KIND)
                .eq("data.kernel_revision.tree", tree.name())
                .eq("data.kernel_revision.branch", buildConfig.branch())
                .eq("data.kernel_revision.commit", commit)
                .eq("jobfilter", null);
    }

    /**
     * A new checkout node, as KernelCI's trigger makes it ({@code running}; the tarball step
     * makes it {@code available}).
     *
     * @param timeout how long the checkout and everything under it may take before it times out
     */
    public static Node checkoutNode(KernelRevision revision, BuildConfig buildConfig, Instant now, Duration timeout) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("kernel_revision", revision.toMap());
        if (!buildConfig.architectures().isEmpty()) {
            data.put("architecture_filter", buildConfig.architectures());
        }
        return Node.newNode(now)
                .kind(KIND)
                .name("checkout")
                .path(List.of("checkout"))
                .data(data)
                .timeout(now.plus(timeout).truncatedTo(ChronoUnit.MILLIS))
                .treeid(treeId(revision.url(), revision.branch(), now))
                .build();
    }

    /** KernelCI's tree id: sha256 of URL, branch and creation time, so each checkout gets its own. */
    public static String treeId(String url, String branch, Instant now) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((url + branch + Timestamps.format(now)).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
