package dev.maestro.pipeline.patch;

import dev.maestro.node.Node;
import dev.maestro.node.NodeState;
import dev.maestro.pipeline.checkout.CheckoutTrigger;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shape of a patchset node, KernelCI's: a copy of the base checkout ({@code kind: checkout},
 * so that scheduler entries on checkouts run on it too) named {@code patchset}, its child, with
 * the series as artifacts {@code patch0…N}. Jobs run under it inherit its patched
 * {@code tarball} (the nearest one wins) and its {@code kernel_revision}, whose
 * {@code patchset} field (the series hash) tells the patched revision from the base.
 */
public final class PatchsetNodes {
    /** The name (and group) of every patchset node. */
    public static final String NAME = "patchset";
    /** The kind: a patchset is a checkout of a patched tree. */
    public static final String KIND = "checkout";
    /** KernelCI's limit on the patches of one series. */
    public static final int MAX_PATCHES = 32;
    /** KernelCI gives a patchset 300 minutes, as it gives checkouts made through its API. */
    public static final Duration TIMEOUT = Duration.ofMinutes(300);

    private static final Pattern PATCH_ARTIFACT = Pattern.compile("patch(\\d+)");
    private static final String ORIGIN = "patchset";

    private PatchsetNodes() {
    }

    public static boolean isPatchset(Node node) {
        return KIND.equals(node.kind()) && NAME.equals(node.name());
    }

    /** The artifact name of the patch at {@code index} in the series. */
    public static String artifactName(int index) {
        return "patch" + index;
    }

    /**
     * A new patchset node under {@code base} (a checkout, not a patchset): the base's copy without
     * its id, times, result, owner, artifacts and errors, running, with the series' URLs as
     * {@code patch0…N}, a new tree id, {@code submitter} and the origin in {@code data.patchset}.
     *
     * @param submitter the node's {@code submitter} ({@code user:<email>}, {@code service:patchwork}…)
     */
    public static Node draft(Node base, List<URI> patches, PatchsetOrigin origin, String submitter, Instant now) {
        Map<String, String> artifacts = new LinkedHashMap<>();
        for (int i = 0; i < patches.size(); i++) {
            artifacts.put(artifactName(i), patches.get(i).toString());
        }
        Map<String, Object> data = new LinkedHashMap<>(base.data() == null ? Map.of() : base.data());
        data.remove("error_code");
        data.remove("error_msg");
        data.put(ORIGIN, origin.toMap());
        List<String> path = new ArrayList<>(base.path() == null ? List.of("checkout") : base.path());
        path.add(NAME);
        Map<String, Object> revision = kernelRevision(base);
        return Node.newNode(now)
                .kind(KIND)
                .name(NAME)
                .path(path)
                .group(NAME)
                .parent(base.id())
                .state(NodeState.RUNNING)
                .artifacts(artifacts)
                .data(data)
                .jobfilter(base.jobfilter())
                .platformFilter(base.platformFilter() == null ? List.of() : base.platformFilter())
                .userGroups(base.userGroups() == null ? List.of() : base.userGroups())
                .timeout(now.plus(TIMEOUT).truncatedTo(ChronoUnit.MILLIS))
                .submitter(submitter)
                .treeid(CheckoutTrigger.treeId(String.valueOf(revision.get("url")), String.valueOf(revision.get("branch")), now))
                .build();
    }

    /** The series' patch URLs in series order ({@code patch0}, {@code patch1}… by number, as KernelCI sorts them). */
    public static List<Map.Entry<String, String>> patches(Node patchset) {
        Map<String, String> artifacts = patchset.artifacts() == null ? Map.of() : patchset.artifacts();
        return artifacts.entrySet().stream()
                .filter(e -> PATCH_ARTIFACT.matcher(e.getKey()).matches())
                .sorted(Comparator.comparingInt(e -> number(e.getKey())))
                .toList();
    }

    /** Where the series came from, as {@link #draft} recorded it. */
    public static Optional<PatchsetOrigin> origin(Node patchset) {
        return patchset.data() != null && patchset.data().get(ORIGIN) instanceof Map<?, ?> map
                ? Optional.of(PatchsetOrigin.fromMap(map)) : Optional.empty();
    }

    /**
     * The patchset's {@code data} once the series is applied: the base's {@code kernel_revision}
     * as it is now (the base is available, so described) with {@code patchset} = the series hash.
     */
    public static Map<String, Object> appliedData(Node patchset, Node base, String seriesHash) {
        Map<String, Object> data = new LinkedHashMap<>(patchset.data() == null ? Map.of() : patchset.data());
        Map<String, Object> revision = new LinkedHashMap<>(kernelRevision(base));
        revision.put("patchset", seriesHash);
        data.put("kernel_revision", revision);
        return data;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> kernelRevision(Node node) {
        Object revision = node.data() == null ? null : node.data().get("kernel_revision");
        return revision instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    private static int number(String artifact) {
        Matcher m = PATCH_ARTIFACT.matcher(artifact);
        return m.matches() ? Integer.parseInt(m.group(1)) : Integer.MAX_VALUE;
    }
}
