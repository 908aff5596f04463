package dev.maestro.api.dashboard.view;

import dev.maestro.node.Node;
import java.util.Comparator;
import java.util.List;

/**
 * One node of a test tree as the checkout page shows it, with its children sorted failures
 * first: a subtree that holds a failure sorts before one that does not, at every level.
 */
public record TreeItem(String id, String name, String kind, String status, String statusClass, int worst,
                       boolean failing, List<Link> artifacts, List<TreeItem> children) {
    private static final Comparator<TreeItem> FAILURES_FIRST =
            Comparator.comparingInt(TreeItem::worst).thenComparing(TreeItem::name, Comparator.nullsLast(String::compareTo));

    /** The items for the children of {@code parent} in {@code subtree}, failures first. */
    public static List<TreeItem> under(CheckoutSubtree subtree, Node parent) {
        return subtree.childrenOf(parent.id()).stream().map(n -> of(subtree, n)).sorted(FAILURES_FIRST).toList();
    }

    private static TreeItem of(CheckoutSubtree subtree, Node node) {
        List<TreeItem> children = under(subtree, node);
        int worst = Nodes.rank(node.result());
        for (TreeItem child : children) {
            worst = Math.min(worst, child.worst());
        }
        return new TreeItem(node.id().toHexString(), node.name(), node.kind(), Nodes.status(node), Nodes.statusClass(node),
                worst, worst == 0, Link.of(node.artifacts()), children);
    }

    public boolean hasChildren() {
        return !children.isEmpty();
    }
}
