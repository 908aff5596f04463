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
import java.util.logging.Logger;

/**
 * KernelCI's timeout mode, for every user's nodes (upstream only touched its own): a node not
 * {@code done} whose {@code timeout} has passed becomes {@code done}; without a result it also
 * gets {@code incomplete} and {@code data.error_code=node_timeout}. Its children are left alone:
 * they have timeouts of their own.
 */
@ApplicationScoped
public class TimeoutRule implements LifecycleRule {
    private static final Logger LOG = Logger.getLogger(TimeoutRule.class.getName());

    @Inject
    NodeService nodes;

    @Override
    public String kind() {
        return "timeout";
    }

    @Override
    public int apply(Instant now) {
        return DueNodes.moveEach(kind(), nodes.unfinishedDue(Deadline.TIMEOUT, now, Optional.empty(), DueNodes.BATCH), node -> {
            boolean moved = nodes.transition(node.id(), node.state(), NodeState.DONE, TimeoutRule::markTimedOut, EventMode.PUBLISH).isPresent();
            if (moved) {
                LOG.info(() -> "timeout: node " + node.id().toHexString() + " (" + node.kind() + " " + node.name() + ") "
                        + node.state().value() + " -> done, timeout was " + node.timeout());
            }
            return moved;
        });
    }

    private static Node markTimedOut(Node node) {
        if (node.result() != null) {
            return node;
        }
        return node.incomplete("node_timeout", "Node timed-out");
    }
}
