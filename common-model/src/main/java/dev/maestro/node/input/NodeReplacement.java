package dev.maestro.node.input;

import dev.maestro.node.Node;
import dev.maestro.node.NodeChange;
import java.util.Map;

/**
 * {@code PUT /node/{id}}: the body is a complete node that replaces the stored one (omitted
 * fields take their defaults), except that the path's id wins and {@code created},
 * {@code owner}, {@code submitter}, {@code treeid} and {@code user_groups} are kept. The body
 * is read on first use, so that a caller without edit rights gets 403 before any 422.
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
        return replacement.toBuilder()
                .id(stored.id())
                .created(stored.created())
                .owner(stored.owner())
                .submitter(stored.submitter())
                .treeid(stored.treeid())
                .userGroups(stored.userGroups())
                .build();
    }
}
