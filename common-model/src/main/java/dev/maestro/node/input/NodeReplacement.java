package dev.maestro.node.input;

import dev.maestro.node.Node;
import dev.maestro.node.NodeChange;
import dev.maestro.node.field.NodeField;
import java.util.Map;

/**
 * {@code PUT /node/{id}}: the body is a complete node that replaces the stored one (omitted
 * fields take their defaults), except that the fields {@link NodeField} says are set once
 * ({@code id}, so the path's id wins, {@code created}, {@code owner}, {@code submitter},
 * {@code treeid} and {@code user_groups}) are kept. The body is read on first use, so that a
 * caller without edit rights gets 403 before any 422.
 */
public final class NodeReplacement implements NodeChange {
    private final Map<String, Object> body;
    private Node replacement;

    public NodeReplacement(Map<String, Object> body) {
        this.body = body;
    }

    @Override
    public Node apply(Node stored) {
        if (replacement == null) {
            replacement = NodeReader.read(body);
        }
        Node.Builder b = replacement.toBuilder();
        for (NodeField field : NodeField.setOnce()) {
            b.set(field, stored.value(field));
        }
        return b.build();
    }
}
