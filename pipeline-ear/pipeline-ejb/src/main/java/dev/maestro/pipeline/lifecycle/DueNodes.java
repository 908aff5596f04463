package dev.maestro.pipeline.lifecycle;

import dev.maestro.node.Node;
import java.util.List;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What the lifecycle rules share: each tick takes at most {@link #BATCH} nodes per rule (the
 * rest are due on the next tick), and one node that cannot be moved never holds up the others.
 */
final class DueNodes {
    static final int BATCH = 500;
    private static final Logger LOG = Logger.getLogger(DueNodes.class.getName());

    private DueNodes() {
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
}
