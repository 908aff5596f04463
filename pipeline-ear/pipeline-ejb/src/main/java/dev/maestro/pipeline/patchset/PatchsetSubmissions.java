package dev.maestro.pipeline.patchset;

import dev.maestro.error.BadRequestException;
import dev.maestro.error.NotFoundException;
import dev.maestro.node.EventMode;
import dev.maestro.node.Node;
import dev.maestro.node.NodeService;
import dev.maestro.pipeline.config.PipelineConfig;
import dev.maestro.pipeline.identity.PipelineIdentity;
import dev.maestro.pipeline.patch.PatchDownloader;
import dev.maestro.pipeline.patch.PatchRefusedException;
import dev.maestro.pipeline.patch.PatchValidator;
import dev.maestro.pipeline.patch.PatchsetNodes;
import dev.maestro.pipeline.settings.PipelineSettings;
import dev.maestro.pipeline.storage.ArtifactStorage;
import dev.maestro.pipeline.storage.StoragePath;
import dev.maestro.time.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Creates patchset nodes: the one way in for a series, whether it comes from
 * {@code POST /pipeline/api/patchset} or from a bridge (Patchwork). The request is checked first
 * (the base is a checkout of a tree this pipeline builds, 1 to 32 patches, each URL fetchable,
 * each inline patch valid), inline patches are stored as
 * {@code patchset/<email>/<checkout id>-<UTC time>-<i>.patch}, then the node is created
 * {@code running} under the base, owned by the pipeline's user; the apply step
 * ({@link PatchsetBean}) takes it from there.
 */
@ApplicationScoped
public class PatchsetSubmissions {
    private static final Logger LOG = Logger.getLogger(PatchsetSubmissions.class.getName());
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);

    @Inject
    NodeService nodes;

    @Inject
    PipelineSettings settings;

    @Inject
    PatchSources sources;

    @Inject
    PipelineIdentity identity;

    /**
     * @return the patchset node, {@code running}
     * @throws NotFoundException           when the checkout does not exist
     * @throws BadRequestException         naming what is wrong with the request
     * @throws PatchsetsUnavailableException when the pipeline has no configuration
     */
    public Node submit(PatchsetRequest request) {
        PipelineConfig config = settings.config().orElseThrow(PatchsetsUnavailableException::new);
        ArtifactStorage storage = settings.storage().orElseThrow(PatchsetsUnavailableException::new);
        PatchDownloader downloader = sources.downloader().orElseThrow(PatchsetsUnavailableException::new);
        Node base = nodes.find(request.checkout()).orElseThrow(() -> new NotFoundException("Node not found with id: "
                + request.checkout().toHexString()));
        requireBase(config, base);
        if (request.patches().isEmpty() || request.patches().size() > PatchsetNodes.MAX_PATCHES) {
            throw new BadRequestException("A patchset has 1 to " + PatchsetNodes.MAX_PATCHES + " patches, not "
                    + request.patches().size());
        }
        for (int i = 0; i < request.patches().size(); i++) {
            check(request.patches().get(i), i, downloader);
        }
        Instant now = Timestamps.now();
        List<URI> urls = new ArrayList<>();
        for (int i = 0; i < request.patches().size(); i++) {
            PatchSource patch = request.patches().get(i);
            urls.add(patch instanceof PatchSource.Url url ? url.url()
                    : store(storage, request, ((PatchSource.Inline) patch).content(), now, i));
        }
        Node draft = PatchsetNodes.draft(base, urls, request.origin(), request.submitter(), now).toBuilder()
                .jobfilter(request.jobfilter().isEmpty() ? base.jobfilter() : request.jobfilter())
                .platformFilter(request.platformFilter().isEmpty() ? draftPlatformFilter(base) : request.platformFilter())
                .build();
        Node created = nodes.create(identity.user(), draft, EventMode.PUBLISH);
        LOG.info("Patchset " + created.id() + ": " + urls.size() + " patches on checkout " + base.id() + " from " + request.submitter());
        return created;
    }

    private static List<String> draftPlatformFilter(Node base) {
        return base.platformFilter() == null ? List.of() : base.platformFilter();
    }

    private static void requireBase(PipelineConfig config, Node base) {
        if (!PatchsetNodes.KIND.equals(base.kind())) {
            throw new BadRequestException("Node " + base.id().toHexString() + " is a " + base.kind() + ", not a checkout");
        }
        if (PatchsetNodes.isPatchset(base)) {
            throw new BadRequestException("Node " + base.id().toHexString() + " is a patchset; send the series against its base checkout "
                    + (base.parent() == null ? "" : base.parent().toHexString()));
        }
        Object revision = base.data() == null ? null : base.data().get("kernel_revision");
        Map<?, ?> fields = revision instanceof Map<?, ?> map ? map : Map.of();
        String tree = String.valueOf(fields.get("tree"));
        String branch = String.valueOf(fields.get("branch"));
        if (config.buildConfigFor(tree, branch).isEmpty()) {
            throw new BadRequestException("Checkout " + base.id().toHexString() + " is of " + tree + "/" + branch
                    + ", which this pipeline does not build");
        }
    }

    private static void check(PatchSource patch, int index, PatchDownloader downloader) {
        String name = PatchsetNodes.artifactName(index);
        if (patch instanceof PatchSource.Url url && !downloader.allows(url.url())) {
            throw new BadRequestException(name + ": " + url.url() + " is not on an allowed host (" + PatchSources.VARIABLE
                    + ") nor in this pipeline's storage");
        }
        if (patch instanceof PatchSource.Inline inline) {
            try {
                PatchValidator.validate(name, inline.content());
            } catch (PatchRefusedException refused) {
                throw new BadRequestException(refused.getMessage());
            }
        }
    }

    private static URI store(ArtifactStorage storage, PatchsetRequest request, byte[] content, Instant now, int index) {
        String user = request.origin().submitterEmail().replaceAll("[^A-Za-z0-9._-]", "_");
        StoragePath path = StoragePath.of("patchset/" + (user.isEmpty() || user.startsWith(".") ? "anonymous" : user) + "/"
                + request.checkout().toHexString() + "-" + STAMP.format(now) + "-" + index + ".patch");
        try {
            return storage.put(path, new ByteArrayInputStream(content));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store the inline patch " + path, e);
        }
    }
}
