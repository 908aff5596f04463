package dev.maestro.node;

import java.time.Instant;
import java.util.function.Function;

/** The two deadlines the lifecycle rules act on, by their field name. */
public enum Deadline {
    TIMEOUT("timeout", Node::timeout),
    HOLDOFF("holdoff", Node::holdoff);

    private final String field;
    private final Function<Node, Instant> value;

    Deadline(String field, Function<Node, Instant> value) {
        this.field = field;
        this.value = value;
    }

    public String field() {
        return field;
    }

    /** Whether the node has this deadline and it is before {@code now}. */
    public boolean passed(Node node, Instant now) {
        Instant at = value.apply(node);
        return at != null && at.isBefore(now);
    }

    Instant of(Node node) {
        return value.apply(node);
    }
}
