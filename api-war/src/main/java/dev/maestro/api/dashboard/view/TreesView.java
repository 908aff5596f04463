package dev.maestro.api.dashboard.view;

import dev.maestro.node.Node;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The trees page's model: one group per tree and branch (newest checkout first), each with its
 * latest checkouts and their build and test counts, which read as a trend.
 */
public record TreesView(List<Group> groups, Pager pager) {

    /** {@code checkouts} (newest first) by tree and branch, at most {@code perBranch} each. */
    public static List<List<Node>> byBranch(List<Node> checkouts, int perBranch) {
        Map<String, List<Node>> byBranch = new LinkedHashMap<>();
        for (Node checkout : checkouts) {
            String key = Nodes.data(checkout, "kernel_revision.tree") + "\n" + Nodes.data(checkout, "kernel_revision.branch");
            List<Node> group = byBranch.computeIfAbsent(key, k -> new ArrayList<>());
            if (group.size() < perBranch) {
                group.add(checkout);
            }
        }
        return new ArrayList<>(byBranch.values());
    }

    public record Group(String tree, String branch, String url, List<Row> rows) {
        /** The group of one branch's checkouts; {@code subtree} reads a checkout's nodes for its counts. */
        public static Group of(List<Node> checkouts, Function<Node, CheckoutSubtree> subtree) {
            Revision first = Revision.of(checkouts.get(0));
            return new Group(first.tree(), first.branch(), first.url(),
                    checkouts.stream().map(n -> Row.of(subtree.apply(n))).toList());
        }
    }

    public record Row(Revision revision, ResultCounts builds, ResultCounts tests) {
        static Row of(CheckoutSubtree subtree) {
            return new Row(Revision.of(subtree.checkout()), ResultCounts.of(subtree.ofKind(CheckoutView.BUILD_KIND)),
                    ResultCounts.of(subtree.ofKind(CheckoutView.TEST_KIND)));
        }
    }
}
