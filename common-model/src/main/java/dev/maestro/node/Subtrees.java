package dev.maestro.node;

import dev.maestro.node.query.NodeCriteria;
import dev.maestro.node.query.NodeQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import org.bson.types.ObjectId;

/**
 * The nodes under a root, read one tree level at a time: each level asks for the children of the
 * previous one ({@code parent__in}, in chunks), oldest first. A checkout with thousands of tests
 * costs a handful of queries, where asking for each node's children cost one query per node.
 */
public final class Subtrees {
    /** Ids per {@code parent__in} query: keeps each query's text and the store's work bounded. */
    private static final int CHUNK = 500;
    /** Deeper than any real tree; stops a corrupted parent cycle from looping. */
    private static final int MAX_DEPTH = 32;

    private Subtrees() {
    }

    /**
     * @param find            runs a node query
     * @param mayHaveChildren false for nodes known to have no children (their children are not asked for)
     * @param exceptKinds     children of these kinds are left out, and what is under them
     */
    public static List<Node> below(Function<NodeQuery, List<Node>> find, ObjectId root, Predicate<ObjectId> mayHaveChildren,
                                   List<String> exceptKinds) {
        List<Node> all = new ArrayList<>();
        List<ObjectId> level = List.of(root);
        for (int depth = 0; depth < MAX_DEPTH && !level.isEmpty(); depth++) {
            List<ObjectId> parents = level.stream().filter(mayHaveChildren).toList();
            List<ObjectId> next = new ArrayList<>();
            for (int from = 0; from < parents.size(); from += CHUNK) {
                List<ObjectId> chunk = parents.subList(from, Math.min(parents.size(), from + CHUNK));
                for (Node child : find.apply(NodeCriteria.where().in("parent", chunk).nin("kind", exceptKinds).sortedBy("created").query())) {
                    all.add(child);
                    next.add(child.id());
                }
            }
            level = next;
        }
        return all;
    }
}
