package dev.maestro.node;

/**
 * One update of a stored node, as a function of the stored version, so that
 * {@link NodeService#update} can re-apply it if the node changed concurrently. The service
 * then checks the state transition, validates the result and resets
 * {@code processed_by_kcidb_bridge} unless {@link #setsKcidbFlag} says this change sets it.
 */
@FunctionalInterface
public interface NodeChange {

    /** The node as it should be after the change; may throw a 4xx for an invalid request. */
    Node apply(Node stored);

    /**
     * Whether this change itself sets {@code processed_by_kcidb_bridge} (kept only when the state
     * does not change). By default: when the changed value differs from the stored one.
     */
    default boolean setsKcidbFlag(Node stored, Node changed) {
        return changed.processedByKcidbBridge() != stored.processedByKcidbBridge();
    }
}
