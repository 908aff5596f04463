package dev.maestro.pipeline.lifecycle;

import dev.maestro.node.Node;
import dev.maestro.node.NodeService;
import dev.maestro.node.NodeState;
import dev.maestro.node.query.NodeCriteria;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The queries the lifecycle rules share, as {@link NodeCriteria} so that they mean exactly what
 * an operator's {@code GET /nodes} with the same parameters means. Each tick takes
 * at most {@link #BATCH} nodes per rule; the rest are due on the next tick.
 */
final class DueNodes {
    static final int BATCH = 500;
    private static final Logger LOG = Logger.getLogger(DueNodes.class.getName());

    private DueNodes() {
    }

    /** Nodes matching {@code criteria} whose {@code field} is before {@code now}, oldest first. */
    static List<Node> before(NodeService nodes, String field, Instant now, NodeCriteria criteria) {
        return nodes.list(criteria.lt(field, now).sortedBy(field).limit(BATCH).query());
    }

    /**
     * Applies {@code move} to each due node and counts the moves that happened. A node that cannot
     * be moved (its stored data no longer validates, say) is logged and skipped, so that one bad
     * node never holds up the others.
     */
    static int moveEach(String kind, List<Node> due, Predicate<Node> move) {
        int moved = 0;
        for (Node node : due) {
            try {
                if (move.test(node)) {
                    moved++;
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, kind + ": node " + node.id().toHexString() + " could not be moved: " + e.getMessage(), e);
            }
        }
        return moved;
    }

    /** Whether any direct child of {@code parent} is not {@code done} yet. */
    static boolean hasUnfinishedChild(NodeService nodes, Node parent) {
        return nodes.count(NodeCriteria.where().eq("parent", parent.id()).ne("state", NodeState.DONE.value()).query()) > 0;
    }
}
