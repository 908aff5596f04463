package dev.maestro.node;

import static dev.maestro.node.TestNodes.list;
import static dev.maestro.node.TestNodes.map;
import static dev.maestro.node.TestNodes.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.Filters;
import dev.maestro.node.input.NodeReader;
import org.junit.jupiter.api.Test;

/** {@link NodeStore#parentsOf}: which nodes have children, in one pass. */
class NodeParentsTest extends NodeServiceFixture {

    @Test
    void theParentsOfTheMatchingNodesAreTheNodesWithChildren() {
        Node checkout = createCheckout(ALICE, unique("parents"));
        Node job = child(checkout, "job", unique("job"));
        Node leaf = child(job, "test", unique("leaf"));
        Node other = child(checkout, "test", unique("other"));

        assertThat(store.parentsOf(Filters.gte("created", checkout.created())))
                .contains(checkout.id(), job.id()).doesNotContain(leaf.id(), other.id());
        assertThat(store.parentsOf(Filters.eq("_id", leaf.id()))).containsExactly(job.id());
        assertThat(store.parentsOf(Filters.eq("_id", checkout.id()))).as("a root has no parent").isEmpty();
    }

    private static Node child(Node parent, String kind, String name) {
        return service.create(ALICE, NodeReader.read(map("kind", kind, "name", name, "path", list("checkout", name),
                "parent", parent.id().toHexString())), EventMode.PUBLISH);
    }
}
