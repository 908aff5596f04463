package dev.maestro.api.dashboard.view;

import dev.maestro.node.Node;
import dev.maestro.node.NodeStore;
import dev.maestro.node.Subtrees;
import dev.maestro.node.query.NodeCriteria;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.bson.types.ObjectId;

/**
 * A checkout and every node under it (its regressions and patchsets aside: they have the
 * checkout as parent but are shown apart), read one tree level at a time ({@link Subtrees}).
 * Which nodes have children at all is asked first, in one pass over the nodes created since the
 * checkout, so that no level lists thousands of leaves as possible parents.
 */
public record CheckoutSubtree(Node checkout, List<Node> descendants, Map<ObjectId, List<Node>> children) {
    /**
     * Children that are not part of the checkout's own tree: its regressions (shown apart) and
     * its patchsets (checkouts of the patched tree, each a revision with its own page).
     */
    private static final List<String> OTHER_REVISIONS_AND_REGRESSIONS = List.of("regression", CheckoutView.CHECKOUT_KIND);

    public static CheckoutSubtree read(NodeStore nodes, Node checkout) {
        return read(nodes, checkout, parentsSince(nodes, checkout.created()));
    }

    /**
     * The nodes with children among those created since {@code since}: children are created
     * after their parents, so for checkouts created since then every parent in their subtrees is
     * among these (one pass serves a page of checkouts).
     */
    public static Set<ObjectId> parentsSince(NodeStore nodes, Instant since) {
        return nodes.parentsOf(NodeCriteria.where().gte("created", since).query().filter());
    }

    /** @param parents the nodes that have children, or a superset of them ({@link #parentsSince}) */
    public static CheckoutSubtree read(NodeStore nodes, Node checkout, Set<ObjectId> parents) {
        return of(checkout, Subtrees.below(nodes::find, checkout.id(), parents::contains, OTHER_REVISIONS_AND_REGRESSIONS));
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
