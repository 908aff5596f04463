package dev.maestro.node;

import static dev.maestro.node.TestNodes.checkoutBody;
import static dev.maestro.node.TestNodes.map;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import dev.maestro.event.CloudEventSettings;
import dev.maestro.event.EventLog;
import dev.maestro.node.input.NodePatch;
import dev.maestro.node.input.NodeReader;
import dev.maestro.node.query.NodeQuery;
import dev.maestro.store.Page;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Kept query pages against a real MongoDB-wire server: a page is served again while no node
 * changed, and never after a change any instance made, with its event or without. A change made
 * behind the service's back (straight into MongoDB, uncounted) shows which of the two a read was.
 */
class NodePagesTest extends NodeServiceFixture {
    private static NodeService otherInstance;

    @BeforeAll
    static void startAnotherInstance() {
        otherInstance = new NodeService(new NodeStore(backends.mongo().database(), new NodeCache(backends.redis())), groups,
                new EventLog(backends.mongo().database(), backends.redis(), CloudEventSettings.KERNELCI));
    }

    @Test
    void aPageReadAgainIsThisInstancesCopy() {
        createCheckout(ALICE, "kept-page");
        NodeQuery query = byName("kept-page");
        service.search(query);
        renameAllBehindTheService("kept-page", "renamed-in-mongodb");

        assertThat(service.search(query).items()).extracting(Node::name).containsExactly("kept-page");
        assertThat(service.search(byName("renamed-in-mongodb")).total()).isEqualTo(1);
    }

    @Test
    void aNodeCreatedOnAnotherInstanceIsInTheNextPage() {
        createCheckout(ALICE, "growing-page");
        NodeQuery query = byName("growing-page");
        assertThat(service.search(query).total()).isEqualTo(1);

        otherInstance.create(BOB, NodeReader.read(checkoutBody("growing-page")), EventMode.PUBLISH);

        Page<Node> page = service.search(query);
        assertThat(page.total()).isEqualTo(2);
        assertThat(page.items()).hasSize(2);
    }

    @Test
    void aChangeWithItsEventSuppressedIsInTheNextPage() {
        Node node = createCheckout(ALICE, "quiet-change");
        NodeQuery failed = NodeQuery.paged(Map.of("name", "quiet-change", "result", "fail"));
        assertThat(service.search(failed).total()).isZero();

        otherInstance.update(ALICE, node.id(), new NodePatch(map("result", "fail")), EventMode.SUPPRESS);

        assertThat(service.search(failed).items()).extracting(Node::id).containsExactly(node.id());
    }

    private static NodeQuery byName(String name) {
        return NodeQuery.paged(Map.of("name", name));
    }

    private static void renameAllBehindTheService(String from, String to) {
        backends.mongo().database().getCollection(NodeStore.COLLECTION).updateMany(Filters.eq("name", from), Updates.set("name", to));
    }
}
