package dev.maestro.pipeline.tarball;

import dev.maestro.node.EventMode;
import dev.maestro.node.Node;
import dev.maestro.node.NodeResult;
import dev.maestro.node.NodeService;
import dev.maestro.node.NodeState;
import dev.maestro.pipeline.delivery.NodeEventListener;
import dev.maestro.pipeline.git.MirrorStore;
import dev.maestro.pipeline.settings.PipelineSettings;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import org.bson.types.ObjectId;

/**
 * What the two steps that give a checkout its tarball share (this package's for a tree's
 * commit, the apply step's for a patchset): the settings, the nodes and the git mirrors they
 * work with, and the one compare-and-set write that makes the checkout {@code available}.
 */
public abstract class TarballStep extends NodeEventListener {

    @Inject
    protected PipelineSettings settings;

    @Inject
    protected NodeService nodes;

    @Inject
    protected MirrorStore mirrors;

    /**
     * {@code running → available}, result pass, with the tarball as {@code artifacts.tarball}, the
     * data {@code data} makes of the checkout as it is, and the holdoff; nothing when the
     * checkout is no longer running (a redelivered event).
     */
    protected void available(ObjectId id, URI tarball, Function<Node, Map<String, Object>> data, Instant holdoff) {
        nodes.transition(id, NodeState.RUNNING, NodeState.AVAILABLE, n -> n.withArtifacts(Map.of("tarball",
                tarball.toString())).toBuilder().result(NodeResult.PASS).data(data.apply(n)).holdoff(holdoff).build(),
                EventMode.PUBLISH);
    }
}
