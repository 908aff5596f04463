package dev.maestro.pipeline.lifecycle;

import dev.maestro.node.Deadline;
import dev.maestro.node.EventMode;
import dev.maestro.node.Node;
import dev.maestro.node.NodeService;
import dev.maestro.node.NodeState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;

/**
 * KernelCI's holdoff mode: an {@code available} node whose {@code holdoff} has passed goes to
 * {@code closing} while a direct child is unfinished, else straight to {@code done}.
 */
@ApplicationScoped
public class HoldoffRule implements LifecycleRule {
    private static final Logger LOG = Logger.getLogger(HoldoffRule.class.getName());

    @Inject
    NodeService nodes;

    @Override
    public String kind() {
        return "holdoff";
    }

    @Override
    public int apply(Instant now) {
        return DueNodes.moveEach(kind(), nodes.unfinishedDue(Deadline.HOLDOFF, now, Optional.of(NodeState.AVAILABLE), DueNodes.BATCH), node -> {
            NodeState to = nodes.hasUnfinishedChild(node.id()) ? NodeState.CLOSING : NodeState.DONE;
            boolean moved = nodes.transition(node.id(), NodeState.AVAILABLE, to, UnaryOperator.identity(), EventMode.PUBLISH).isPresent();
            if (moved) {
                LOG.info(() -> "holdoff: node " + node.id().toHexString() + " (" + node.kind() + " " + node.name()
                        + ") available -> " + to.value());
            }
            return moved;
        });
    }
}
