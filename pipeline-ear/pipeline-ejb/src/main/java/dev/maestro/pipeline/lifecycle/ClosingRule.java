package dev.maestro.pipeline.lifecycle;

import dev.maestro.node.EventMode;
import dev.maestro.node.Node;
import dev.maestro.node.NodeService;
import dev.maestro.node.NodeState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;

/** KernelCI's closing mode: a {@code closing} node with no unfinished direct child becomes {@code done}. */
@ApplicationScoped
public class ClosingRule implements LifecycleRule {
    private static final Logger LOG = Logger.getLogger(ClosingRule.class.getName());

    @Inject
    NodeService nodes;

    @Override
    public String kind() {
        return "closing";
    }

    @Override
    public int apply(Instant now) {
        List<Node> closing = nodes.unfinishedIn(NodeState.CLOSING, DueNodes.BATCH);
        return DueNodes.moveEach(kind(), closing, node -> {
            boolean moved = !nodes.hasUnfinishedChild(node.id())
                    && nodes.transition(node.id(), NodeState.CLOSING, NodeState.DONE, UnaryOperator.identity(), EventMode.PUBLISH).isPresent();
            if (moved) {
                LOG.info(() -> "closing: node " + node.id().toHexString() + " (" + node.kind() + " " + node.name() + ") closing -> done");
            }
            return moved;
        });
    }
}
