package dev.maestro.api.dashboard.view;

import dev.maestro.node.Node;
import java.util.List;

/**
 * A regression node (see the README's "Results and reports"): the test, where it failed, the
 * failing and passing runs, and whether it is still active ({@code result: fail}) or fixed.
 */
public record RegressionRow(String id, String name, String path, String tree, String branch, String platform,
                            String failedCommit, String failNode, String passNode, String fixedBy, boolean active,
                            String created, String checkoutId) {

    public static RegressionRow of(Node regression) {
        List<String> path = regression.path() == null ? List.of() : regression.path();
        return new RegressionRow(regression.id().toHexString(), regression.name(), String.join(" / ", path),
                Nodes.data(regression, "failed_kernel_revision.tree"), Nodes.data(regression, "failed_kernel_revision.branch"),
                Nodes.data(regression, "platform"), Nodes.data(regression, "failed_kernel_revision.commit"),
                Nodes.data(regression, "fail_node"), Nodes.data(regression, "pass_node"), Nodes.data(regression, "fixed_by"),
                regression.result() != dev.maestro.node.NodeResult.PASS, Nodes.time(regression.created()),
                regression.parent() == null ? "" : regression.parent().toHexString());
    }
}
