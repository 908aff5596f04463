package dev.maestro.node;

import java.util.ArrayList;
import java.util.List;

/** A node with its children, as submitted to {@code PUT /nodes/{id}}. */
public record Hierarchy(Node node, List<Hierarchy> children) {

    /** The tree in depth-first pre-order: this node first, then each child's subtree in turn. */
    public List<Hierarchy> preOrder() {
        List<Hierarchy> out = new ArrayList<>();
        collect(this, out);
        return out;
    }

    private static void collect(Hierarchy h, List<Hierarchy> out) {
        out.add(h);
        h.children.forEach(c -> collect(c, out));
    }
}
