package dev.maestro.api.dashboard.view;

import dev.maestro.node.Node;

/** A search result row: the node, its revision and where its page is. */
public record FoundNode(String href, String kind, String name, String status, String statusClass, String tree,
                        String branch, String commit, String created) {

    public static FoundNode of(String base, Node n) {
        String commit = Nodes.data(n, "kernel_revision.commit");
        return new FoundNode(SearchForm.href(base, n), n.kind(), n.name(), Nodes.status(n), Nodes.statusClass(n),
                Nodes.data(n, "kernel_revision.tree"), Nodes.data(n, "kernel_revision.branch"),
                commit.length() > 12 ? commit.substring(0, 12) : commit, Nodes.time(n.created()));
    }
}
