package dev.maestro.api.dashboard.view;

import dev.maestro.node.Node;
import dev.maestro.node.NodeService;
import dev.maestro.node.query.NodeCriteria;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.bson.types.ObjectId;

/**
 * A checkout and every node under it, read one tree level at a time ({@code parent__in} the
 * level above, in chunks), so a checkout with thousands of tests costs a handful of queries, not
 * one per node.
 */
public record CheckoutSubtree(Node checkout, List<Node> descendants, Map<ObjectId, List<Node>> children) {
    /** Ids per {@code parent__in} query: keeps each query's text and the store's work bounded. */
    private static final int CHUNK = 500;
    /** Deeper than any real tree; stops a corrupted parent cycle from looping. */
    private static final int MAX_DEPTH = 32;

    public static CheckoutSubtree read(NodeService nodes, Node checkout) {
        List<Node> all = new ArrayList<>();
        List<ObjectId> level = List.of(checkout.id());
        for (int depth = 0; depth < MAX_DEPTH && !level.isEmpty(); depth++) {
            List<ObjectId> next = new ArrayList<>();
            for (int from = 0; from < level.size(); from += CHUNK) {
                List<ObjectId> chunk = level.subList(from, Math.min(level.size(), from + CHUNK));
                for (Node child : nodes.list(NodeCriteria.where().in("parent", chunk).sortedBy("created").query())) {
                    all.add(child);
                    next.add(child.id());
                }
            }
            level = next;
        }
        return of(checkout, all);
    }

    public static CheckoutSubtree of(Node checkout, List<Node> descendants) {
        Map<ObjectId, List<Node>> children = new LinkedHashMap<>();
        descendants.forEach(n -> children.computeIfAbsent(n.parent(), p -> new ArrayList<>()).add(n));
        return new CheckoutSubtree(checkout, List.copyOf(descendants), children);
    }

    public List<Node> childrenOf(ObjectId id) {
        return children.getOrDefault(id, List.of());
    }

    public List<Node> ofKind(String kind) {
        return descendants.stream().filter(n -> kind.equals(n.kind())).toList();
    }

    /** The ids of the checkout and of every node under it. */
    public Set<ObjectId> ids() {
        Set<ObjectId> ids = descendants.stream().map(Node::id).collect(Collectors.toCollection(java.util.HashSet::new));
        ids.add(checkout.id());
        return ids;
    }

    /** Whether the checkout or any node under it is not yet {@code done}: its page is live. */
    public boolean unfinished() {
        return !Nodes.done(checkout) || descendants.stream().anyMatch(n -> !Nodes.done(n));
    }
}
