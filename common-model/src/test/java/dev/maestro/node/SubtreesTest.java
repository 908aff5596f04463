package dev.maestro.node;

import static dev.maestro.node.TestNodes.unique;
import static org.assertj.core.api.Assertions.assertThat;

import dev.maestro.node.query.NodeQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

/** A subtree is read a level at a time, with the kinds left out and what is under them. */
class SubtreesTest extends NodeServiceFixture {

    @Test
    void readsEveryNodeUnderTheRootWithOneQueryPerLevel() {
        Node checkout = createCheckout(ALICE, unique("subtree"));
        List<ObjectId> expected = new ArrayList<>();
        for (int b = 0; b < 3; b++) {
            Node build = child(checkout, "kbuild", "build-" + b);
            expected.add(build.id());
            for (int j = 0; j < 4; j++) {
                Node job = child(build, "job", "job-" + j);
                expected.add(job.id());
                for (int t = 0; t < 5; t++) {
                    expected.add(child(job, "test", "test-" + t).id());
                }
            }
        }
        child(checkout, "regression", "left out");
        Node otherRevision = child(checkout, "checkout", "patchset");
        child(otherRevision, "kbuild", "under what is left out");
        List<NodeQuery> queries = new ArrayList<>();
        Function<NodeQuery, List<Node>> find = query -> {
            queries.add(query);
            return store.find(query);
        };

        List<Node> found = Subtrees.below(find, checkout.id(), id -> true, List.of("regression", "checkout"));

        assertThat(found).extracting(Node::id).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(queries).as("builds, jobs, tests, and the tests' (no) children: not one a node").hasSize(4);
    }

    @Test
    void nodesKnownToHaveNoChildrenAreNotAskedAbout() {
        Node checkout = createCheckout(ALICE, unique("leaves"));
        Node build = child(checkout, "kbuild", "build");
        child(build, "job", "job");
        List<NodeQuery> queries = new ArrayList<>();
        Set<ObjectId> parents = Set.of(checkout.id(), build.id());

        List<Node> found = Subtrees.below(query -> {
            queries.add(query);
            return store.find(query);
        }, checkout.id(), parents::contains, List.of());

        assertThat(found.stream().map(Node::kind).collect(Collectors.toList())).containsExactly("kbuild", "job");
        assertThat(queries).as("the job is a leaf").hasSize(2);
    }

    private Node child(Node parent, String kind, String name) {
        return service.create(ALICE, parent.toBuilder().id(null).parent(parent.id()).kind(kind).name(name).build(), EventMode.PUBLISH);
    }
}
