package dev.maestro.api.dashboard.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maestro.node.Node;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

class TreesViewTest {

    @Test
    void checkoutsGroupByTreeAndBranchInOrderKeepingTheNewestFew() {
        List<Node> newestFirst = List.of(checkout("toy", "main", "c5"), checkout("toy", "next", "c4"),
                checkout("toy", "main", "c3"), checkout("mainline", "master", "c2"), checkout("toy", "main", "c1"));
        List<List<Node>> groups = TreesView.byBranch(newestFirst, 2);
        assertThat(groups).extracting(g -> g.stream().map(n -> Nodes.data(n, "kernel_revision.commit")).toList())
                .containsExactly(List.of("c5", "c3"), List.of("c4"), List.of("c2"));
    }

    private static Node checkout(String tree, String branch, String commit) {
        return Node.newNode(Instant.now()).id(new ObjectId()).kind("checkout").name("checkout")
                .data(Map.of("kernel_revision", Map.of("tree", tree, "branch", branch, "commit", commit))).build();
    }
}
