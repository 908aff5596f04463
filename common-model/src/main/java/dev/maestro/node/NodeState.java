package dev.maestro.node;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The life cycle of a node: {@code running → available → closing → done}. Transitions only move
 * forward (any skip allowed), and staying in the same state is always allowed.
 */
public enum NodeState {
    RUNNING("running"),
    AVAILABLE("available"),
    CLOSING("closing"),
    DONE("done");

    private final String value;

    NodeState(String value) {
        this.value = value;
    }

    /** The wire and database spelling. */
    public String value() {
        return value;
    }

    /** Whether a node in this state may be moved to {@code target} (same state included). */
    public boolean allows(NodeState target) {
        return target == this || successors().contains(target);
    }

    /** The states strictly after this one. */
    public Set<NodeState> successors() {
        return switch (this) {
            case RUNNING -> EnumSet.of(AVAILABLE, CLOSING, DONE);
            case AVAILABLE -> EnumSet.of(CLOSING, DONE);
            case CLOSING -> EnumSet.of(DONE);
            case DONE -> EnumSet.noneOf(NodeState.class);
        };
    }

    public static Optional<NodeState> of(String value) {
        for (NodeState s : values()) {
            if (s.value.equals(value)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
