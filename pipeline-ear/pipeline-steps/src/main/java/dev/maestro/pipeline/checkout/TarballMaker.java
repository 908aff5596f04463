package dev.maestro.pipeline.checkout;

import dev.maestro.pipeline.config.BuildConfig;
import dev.maestro.pipeline.config.PipelineConfig;
import dev.maestro.pipeline.git.GitException;
import dev.maestro.pipeline.git.LocalMirror;
import dev.maestro.pipeline.git.MirrorStore;
import dev.maestro.pipeline.storage.ArtifactStorage;
import dev.maestro.pipeline.storage.StoragePath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The tarball step's work for one new checkout: fetch the tree into its mirror, archive the
 * commit with {@code git archive} (no checkout of a work tree, no tag needed, no network beyond
 * the tree itself), and store the tarball at the root of storage. Safe to repeat for the same
 * checkout: the same commit gives the same bytes under the same name.
 *
 * <p>Only checkouts of a configured build config are handled, and the tree is fetched from the
 * configured URL, never from the node's: anyone may create a checkout node, and the server must
 * not fetch whatever URL or local path it names.
 */
public final class TarballMaker {
    private static final Logger LOG = Logger.getLogger(TarballMaker.class.getName());

    private final MirrorStore mirrors;
    private final ArtifactStorage storage;
    private final Path scratch;

    /** {@code scratch} holds archives between {@code git archive} and the upload. */
    public TarballMaker(MirrorStore mirrors, ArtifactStorage storage, Path scratch) {
        this.mirrors = mirrors;
        this.storage = storage;
        this.scratch = scratch;
    }

    /**
     * Makes and stores the tarball of the checkout whose {@code data.kernel_revision} is given.
     *
     * @return empty when no build config of {@code config} watches the checkout's tree and
     *         branch: the checkout is not this pipeline's to handle
     * @throws CheckoutFailure with a message for the node's {@code error_msg}
     */
    public Optional<Tarball> make(PipelineConfig config, Map<String, Object> kernelRevision) throws CheckoutFailure {
        String tree = field(kernelRevision, "tree");
        String branch = field(kernelRevision, "branch");
        String commit = field(kernelRevision, "commit");
        Optional<BuildConfig> buildConfig = config.buildConfigFor(tree, branch);
        if (buildConfig.isEmpty()) {
            return Optional.empty();
        }
        String url = config.treeOf(buildConfig.get()).url();
        try {
            LocalMirror mirror = mirrors.mirror(tree, url);
            mirror.update();
            KernelRevision revision = RevisionReader.read(mirror, tree, branch, commit);
            String name = ("linux-" + tree + "-" + branch + "-" + revision.describe()).replace('/', '_');
            Files.createDirectories(scratch);
            Path archive = Files.createTempFile(scratch, name, ".tar.gz");
            try {
                mirror.archive(revision.commit(), name, archive);
                URI stored = storage.put(StoragePath.of(name + ".tar.gz"), archive);
                LOG.info("Stored the tarball of " + tree + "/" + branch + " " + revision.commit() + " at " + stored);
                return Optional.of(new Tarball(name + ".tar.gz", stored, revision));
            } finally {
                Files.deleteIfExists(archive);
            }
        } catch (GitException e) {
            throw new CheckoutFailure(e.getMessage(), e);
        } catch (IOException | UncheckedIOException e) {
            throw new CheckoutFailure("Cannot store the tarball of " + tree + "/" + branch + " " + commit + ": "
                    + e.getMessage(), e);
        }
    }

    private static String field(Map<String, Object> kernelRevision, String name) throws CheckoutFailure {
        if (kernelRevision.get(name) instanceof String value && !value.isBlank()) {
            return value;
        }
        throw new CheckoutFailure("The checkout has no data.kernel_revision." + name);
    }
}
