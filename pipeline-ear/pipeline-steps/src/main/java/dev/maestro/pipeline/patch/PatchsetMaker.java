package dev.maestro.pipeline.patch;

import dev.maestro.files.Directories;
import dev.maestro.node.Node;
import dev.maestro.pipeline.config.BuildConfig;
import dev.maestro.pipeline.config.PipelineConfig;
import dev.maestro.pipeline.git.GitException;
import dev.maestro.pipeline.git.LocalMirror;
import dev.maestro.pipeline.git.MirrorStore;
import dev.maestro.pipeline.git.TreePatcher;
import dev.maestro.pipeline.storage.ArtifactStorage;
import dev.maestro.pipeline.storage.StoragePath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The apply step's work for one patchset whose base checkout is available: download every patch,
 * validate it ({@link PatchValidator}), unpack the base commit from the tree's mirror, apply the
 * patches in order (each checked against the tree as the earlier ones left it), archive the
 * patched tree and store it at the root of storage beside the base's tarball. Safe to repeat:
 * the same series on the same node gives the same name.
 *
 * <p>The tree is fetched from the configured URL of the base's tree, never from the node's, as
 * the tarball step does.
 */
public final class PatchsetMaker {
    private static final Logger LOG = Logger.getLogger(PatchsetMaker.class.getName());
    private static final String TARBALL_SUFFIX = ".tar.gz";
    private static final int HASH_LENGTH = 13;
    private static final int NODE_ID_LENGTH = 12;

    private final MirrorStore mirrors;
    private final ArtifactStorage storage;
    private final PatchDownloader downloader;
    private final Path scratch;

    /** {@code scratch} holds the trees being patched. */
    public PatchsetMaker(MirrorStore mirrors, ArtifactStorage storage, PatchDownloader downloader, Path scratch) {
        this.mirrors = mirrors;
        this.storage = storage;
        this.downloader = downloader;
        this.scratch = scratch;
    }

    /**
     * @param base     the patchset's parent checkout, available (described, with its tarball)
     * @param patchset the patchset node, with its {@code patch0…N} artifacts
     * @throws PatchsetFailure naming the patch and why, or what is wrong with the base
     */
    public AppliedPatchset make(PipelineConfig config, Node base, Node patchset) throws PatchsetFailure {
        Map<String, Object> revision = PatchsetNodes.kernelRevision(base);
        String tree = field(revision, "tree");
        String branch = field(revision, "branch");
        String commit = field(revision, "commit");
        BuildConfig buildConfig = config.buildConfigFor(tree, branch).orElseThrow(() -> new PatchsetFailure(PatchsetFailure.BASE,
                "The base checkout's tree " + tree + " branch " + branch + " is not one this pipeline builds"));
        List<CheckedPatch> series = downloadAndValidate(patchset);
        List<String> hashes = series.stream().map(p -> PatchHash.of(p.content())).toList();
        String seriesHash = PatchHash.ofSeries(hashes);
        String name = baseTarballName(base, tree, branch, revision) + "-" + seriesHash.substring(0, HASH_LENGTH) + "-"
                + suffix(patchset.id().toHexString());
        Path work = null;
        try {
            Files.createDirectories(scratch);
            work = Files.createTempDirectory(scratch, name);
            LocalMirror mirror = mirrors.mirror(tree, config.treeOf(buildConfig).url());
            // Another instance may have made the base's tarball: this one's mirror may lack the commit, or be missing.
            if (!Files.isDirectory(mirror.directory()) || mirror.resolveCommit(commit).isEmpty()) {
                mirror.update();
            }
            String full = mirror.resolveCommit(commit).orElseThrow(() -> new PatchsetFailure(PatchsetFailure.BASE,
                    "The base commit " + commit + " is not in " + mirror.url()));
            TreePatcher patcher = TreePatcher.unpack(mirror, full, work, name);
            applyAll(patcher, series, work);
            Path archive = work.resolve(name + TARBALL_SUFFIX);
            patcher.archive(archive);
            URI stored = storage.put(StoragePath.of(name + TARBALL_SUFFIX), archive);
            LOG.info("Applied " + series.size() + " patches of patchset " + patchset.id() + " on " + tree + "/" + branch + " "
                    + full + ", stored at " + stored);
            return new AppliedPatchset(seriesHash, name + TARBALL_SUFFIX, stored);
        } catch (GitException e) {
            throw new PatchsetFailure(PatchsetFailure.BASE, "Cannot unpack the base " + tree + "/" + branch + " " + commit + ": "
                    + e.getMessage(), e);
        } catch (IOException | UncheckedIOException e) {
            throw new PatchsetFailure(PatchsetFailure.BASE, "Cannot store the patched tarball of patchset " + patchset.id() + ": "
                    + e.getMessage(), e);
        } finally {
            if (work != null) {
                Directories.deleteTree(work);
            }
        }
    }

    private List<CheckedPatch> downloadAndValidate(Node patchset) throws PatchsetFailure {
        List<Map.Entry<String, String>> patches = PatchsetNodes.patches(patchset);
        if (patches.isEmpty()) {
            throw new PatchsetFailure(PatchsetFailure.INVALID, "The patchset has no patch artifacts (patch0, patch1…)");
        }
        if (patches.size() > PatchsetNodes.MAX_PATCHES) {
            throw new PatchsetFailure(PatchsetFailure.INVALID, "The patchset has " + patches.size() + " patches; at most "
                    + PatchsetNodes.MAX_PATCHES + " are taken");
        }
        List<CheckedPatch> series = new ArrayList<>();
        for (Map.Entry<String, String> patch : patches) {
            URI url;
            try {
                url = URI.create(patch.getValue());
            } catch (IllegalArgumentException e) {
                throw new PatchsetFailure(PatchsetFailure.DOWNLOAD, patch.getKey() + " has no valid URL: " + patch.getValue(), e);
            }
            byte[] content = downloader.fetch(patch.getKey(), url);
            try {
                series.add(PatchValidator.validate(patch.getKey(), content));
            } catch (PatchRefusedException refused) {
                throw new PatchsetFailure(PatchsetFailure.INVALID, refused.getMessage() + " (" + url + ")", refused);
            }
        }
        return series;
    }

    private static void applyAll(TreePatcher patcher, List<CheckedPatch> series, Path work) throws PatchsetFailure, IOException {
        for (int i = 0; i < series.size(); i++) {
            CheckedPatch patch = series.get(i);
            try {
                PatchValidator.checkTargetsIn(patcher.tree(), patch);
            } catch (PatchRefusedException refused) {
                throw new PatchsetFailure(PatchsetFailure.INVALID, refused.getMessage(), refused);
            }
            Path file = Files.write(work.resolve(patch.name() + ".patch"), patch.content());
            Optional<String> problem = patcher.apply(file);
            if (problem.isPresent()) {
                throw new PatchsetFailure(PatchsetFailure.APPLY, patch.name() + " (patch " + (i + 1) + " of " + series.size()
                        + ") does not apply: " + problem.get());
            }
        }
    }

    /** The base's tarball name without {@code .tar.gz}, as KernelCI names patched tarballs after it. */
    private static String baseTarballName(Node base, String tree, String branch, Map<String, Object> revision) {
        String url = base.artifacts() == null ? null : base.artifacts().get("tarball");
        if (url != null && url.endsWith(TARBALL_SUFFIX)) {
            return url.substring(url.lastIndexOf('/') + 1, url.length() - TARBALL_SUFFIX.length());
        }
        return ("linux-" + tree + "-" + branch + "-" + revision.getOrDefault("describe", revision.get("commit"))).replace('/', '_');
    }

    private static String suffix(String id) {
        return id.substring(Math.max(0, id.length() - NODE_ID_LENGTH));
    }

    private static String field(Map<String, Object> revision, String name) throws PatchsetFailure {
        if (revision.get(name) instanceof String value && !value.isBlank()) {
            return value;
        }
        throw new PatchsetFailure(PatchsetFailure.BASE, "The base checkout has no data.kernel_revision." + name);
    }
}
