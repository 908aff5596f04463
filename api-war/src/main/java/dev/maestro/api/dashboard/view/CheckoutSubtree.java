package dev.maestro.api.dashboard.view;

import dev.maestro.node.Node;
import dev.maestro.node.NodeStore;
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
 * checkout as parent but are shown apart), read one tree level at a time. Which nodes have children at all is
 * asked first, in one pass over the nodes created since the checkout; each level then asks only
 * for the children of those ({@code parent__in}, in chunks). A checkout with thousands of tests
 * costs a handful of queries, and none lists thousands of leaves as possible parents (which an
 * index-less store, such as the embedded MongoDB-wire server, would pay for per node).
 */
public record CheckoutSubtree(Node checkout, List<Node> descendants, Map<ObjectId, List<Node>> children) {
    /** Ids per {@code parent__in} query: keeps each query's text and the store's work bounded. */
    private static final int CHUNK = 500;
    /** Deeper than any real tree; stops a corrupted parent cycle from looping. */
    private static final int MAX_DEPTH = 32;
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
        List<Node> all = new ArrayList<>();
        List<ObjectId> level = List.of(checkout.id());
        for (int depth = 0; depth < MAX_DEPTH && !level.isEmpty(); depth++) {
            List<ObjectId> withChildren = level.stream().filter(parents::contains).toList();
            List<ObjectId> next = new ArrayList<>();
            for (int from = 0; from < withChildren.size(); from += CHUNK) {
                List<ObjectId> chunk = withChildren.subList(from, Math.min(withChildren.size(), from + CHUNK));
                for (Node child : nodes.find(NodeCriteria.where().in("parent", chunk).nin("kind", OTHER_REVISIONS_AND_REGRESSIONS)
                        .sortedBy("created").query())) {
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
