package dev.maestro.api.dashboard.view;

import dev.maestro.node.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The checkout page's model: the checkout's revision, counts and bars of its builds and tests,
 * each build with its test tree (failures first), the nodes outside any build, the patchsets
 * tested on it (each a revision with its own page), the regressions it opened and fixed, and its
 * event timeline. {@code live} (some node is unfinished) makes the page
 * follow node events after sequence {@code since}.
 */
public record CheckoutView(Revision checkout, ResultCounts builds, ResultCounts tests, List<BuildRow> buildRows,
                           Outside outside, Patchsets patchsets, List<RegressionRow> newRegressions,
                           List<RegressionRow> fixedRegressions, List<EventRow> events, boolean live, long since) {
    public static final String CHECKOUT_KIND = "checkout";
    public static final String BUILD_KIND = "kbuild";
    public static final String TEST_KIND = "test";

    public static CheckoutView of(CheckoutSubtree subtree, List<Node> patchsets, List<Node> opened, List<Node> fixed,
                                  List<Map<String, Object>> events, long since) {
        List<BuildRow> builds = new ArrayList<>();
        List<TreeItem> outside = new ArrayList<>();
        for (TreeItem item : TreeItem.under(subtree, subtree.checkout())) {
            if (!BUILD_KIND.equals(item.kind())) {
                outside.add(item);
            }
        }
        for (Node build : subtree.ofKind(BUILD_KIND)) {
            builds.add(BuildRow.of(subtree, build));
        }
        builds.sort(java.util.Comparator.comparingInt(BuildRow::worst).thenComparing(BuildRow::name));
        return new CheckoutView(Revision.of(subtree.checkout()), ResultCounts.of(subtree.ofKind(BUILD_KIND)),
                ResultCounts.of(subtree.ofKind(TEST_KIND)), builds, outside.isEmpty() ? null : new Outside(outside),
                patchsets.isEmpty() ? null : new Patchsets(patchsets.stream().map(Revision::of).toList()),
                opened.stream().map(RegressionRow::of).toList(), fixed.stream().map(RegressionRow::of).toList(),
                EventRow.of(events), subtree.unfinished(), since);
    }

    /** The nodes under the checkout that are not builds (null on the page when there are none). */
    public record Outside(List<TreeItem> children) {
    }

    /** The patchsets under the checkout, oldest first (null on the page when there are none). */
    public record Patchsets(List<Revision> rows) {
    }

    /** One build: its configuration, result, duration, artifacts and the tree of what ran on it. */
    public record BuildRow(String id, String name, String arch, String config, String compiler, String status,
                           String statusClass, int worst, String duration, List<Link> artifacts, ResultCounts tests,
                           List<TreeItem> children) {

        static BuildRow of(CheckoutSubtree subtree, Node build) {
            List<TreeItem> tree = TreeItem.under(subtree, build);
            ResultCounts tests = new ResultCounts();
            countTests(subtree, build, tests);
            int worst = Nodes.rank(build.result());
            for (TreeItem item : tree) {
                worst = Math.min(worst, item.worst());
            }
            String config = Nodes.data(build, "config_full");
            return new BuildRow(build.id().toHexString(), build.name(), Nodes.data(build, "arch"),
                    config.isEmpty() ? Nodes.data(build, "defconfig") : config, Nodes.data(build, "compiler"),
                    Nodes.status(build), Nodes.statusClass(build), worst, Nodes.duration(build),
                    Link.of(build.artifacts()), tests, tree);
        }

        private static void countTests(CheckoutSubtree subtree, Node parent, ResultCounts into) {
            for (Node child : subtree.childrenOf(parent.id())) {
                if (TEST_KIND.equals(child.kind())) {
                    into.add(child);
                }
                countTests(subtree, child, into);
            }
        }
    }
}
